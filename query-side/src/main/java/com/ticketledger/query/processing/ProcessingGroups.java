package com.ticketledger.query.processing;

import java.util.List;

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

    private ProcessingGroups() {
    }
}
