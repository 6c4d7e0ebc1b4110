package com.ticketledger.query.processing;

import java.util.List;
import java.util.Map;

/** The names of the query side's processing groups: one per projection, each rebuildable alone. */
public final class ProcessingGroups {

    public static final String TICKET_STATUS = "ticket-status";
    public static final String TICKET_HISTORY = "ticket-history";
    public static final String REPORTS = "reports";
    /**
     * The notifications decided from the events (the outbox). Its rebuild refills only what it keeps of each
     * ticket: a replayed event decides no notification, so nothing is sent twice (docs/design.md).
     */
    public static final String NOTIFICATIONS = "notifications";

    /** The client register as the desk reads it. */
    public static final String CLIENTS = "clients";

    /**
     * The SLA policies' versions as the desk reads them. No SLA figure reads it: a ticket's policy version is read
     * from the policy's stream in the ledger, so the projections may be rebuilt in any order.
     */
    public static final String SLA_POLICIES = "sla-policies";

    /** Every projection of the query side. */
    public static final List<String> ALL = List.of(TICKET_STATUS, TICKET_HISTORY, REPORTS, NOTIFICATIONS, CLIENTS,
            SLA_POLICIES);

    /**
     * The projections only reports read: an ANALYST may rebuild these. The desk's own views (status, queues,
     * history) are rebuilt by an OPERATOR, who answers for the desk while they refill (docs/domain.md).
     */
    public static final List<String> REPORTING = List.of(REPORTS);

    /**
     * The tables each projection writes, and nothing else: a rebuild fills fresh copies of these beside the live
     * ones and puts them in their place at the end ({@link ShadowRebuilds}). A projection's handlers write only
     * its own tables (unqualified names); a new projection is rebuilt the same way once its group is named here.
     * The notifications' outbox is not among them: a replay decides nothing, and what was decided stays.
     */
    public static final Map<String, List<String>> TABLES = Map.of(
            TICKET_STATUS, List.of("ticket_status", "ticket_search"),
            TICKET_HISTORY, List.of("ticket_history"),
            REPORTS, List.of("report_ticket"),
            NOTIFICATIONS, List.of("notification_ticket", "notification_client"),
            CLIENTS, List.of("client_view"),
            SLA_POLICIES, List.of("sla_policy_version"));

    private ProcessingGroups() {
    }
}
