package com.ticketledger.query.notification;

import com.ticketledger.events.SupportLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static com.ticketledger.query.notification.Outbox.instant;
import static com.ticketledger.query.notification.Outbox.timestamp;

/**
 * The notifications no event announces, found by the clock: an SLA timer of the status view passing 80 % of its
 * target (SLA_AT_RISK) or its deadline (SLA_BREACHED), told to the assignee or, while nobody is assigned, to the
 * level's team lead; and the reminder a business day before an automatic acceptance (AUTO_ACCEPT_SOON), told to
 * the client's representatives (or the reporter, as {@link Recipients#acceptance} chooses) while the ticket is still
 * pending closure. Each is written in the ticket's client's language.
 *
 * <p>Each is keyed by what passed: the timer, the threshold and the deadline it belongs to (a deadline moved by a
 * reopening or a reclassification warns again; the same one never twice), or the automatic acceptance's instant.
 * Only instants passed within {@code ledger.notifications.scan.lookback} are news. db-scheduler runs the scan on
 * one query-side instance at a time (NotificationScheduling).
 */
@Component
class DeadlineScan {

    private final JdbcClient jdbc;
    private final NotificationTickets tickets;
    private final NotificationClients clients;
    private final Outbox outbox;
    private final Recipients recipients;
    private final NotificationProperties.Scan settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadlineScan(JdbcClient jdbc, NotificationTickets tickets, NotificationClients clients, Outbox outbox,
            Recipients recipients, NotificationProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clients = clients;
        this.outbox = outbox;
        this.recipients = recipients;
        this.settings = properties.scan();
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Decides what passed since the lookback; answers how many decisions were met (new or known). */
    int scan() {
        Instant now = clock.instant();
        Instant since = now.minus(settings.lookback());
        Integer decided = transactions.execute(status -> {
            // the clients of this scan's tickets, each looked up once
            Map<String, Optional<NotificationClients.Client>> known = new HashMap<>();
            Function<String, Optional<NotificationClients.Client>> client =
                    clientId -> known.computeIfAbsent(clientId, clients::find);
            int count = 0;
            for (SlaTimer timer : SlaTimer.ALL) {
                count += passed(timer, timer.atRiskColumn(), NotificationKind.SLA_AT_RISK, since, now, client);
                count += passed(timer, timer.dueColumn(), NotificationKind.SLA_BREACHED, since, now, client);
            }
            for (NotificationTickets.Ticket ticket : tickets.remindersDue(since, now)) {
                Map<String, Object> facts = ticket.facts();
                facts.put("autoAcceptAt", ticket.autoAcceptAt() == null ? null : ticket.autoAcceptAt().toString());
                String trigger = "auto-accept-soon:" + ticket.autoAcceptAt();
                // Reminded once, whoever the client names at the time: the scan meets the same reminder again
                // until it leaves the lookback, and a change of contacts meanwhile must not remind a second time.
                if (!outbox.decided(ticket.ticketId(), NotificationKind.AUTO_ACCEPT_SOON, trigger)) {
                    Optional<NotificationClients.Client> owner = client.apply(ticket.clientId());
                    outbox.record(new Decision(ticket.ticketId(), NotificationKind.AUTO_ACCEPT_SOON, trigger,
                            recipients.acceptance(owner, ticket.reporterEmail()), recipients.language(owner), facts,
                            ticket.autoAcceptWarningAt()));
                }
                count++;
            }
            return count;
        });
        return decided == null ? 0 : decided;
    }

    private int passed(SlaTimer timer, String column, NotificationKind kind, Instant since, Instant now,
            Function<String, Optional<NotificationClients.Client>> client) {
        String threshold = kind == NotificationKind.SLA_AT_RISK ? "AT_RISK" : "BREACHED";
        return jdbc.sql("SELECT ticket_id, number, client_id, title, status, level, assignee, " + column
                        + " AS passed_at, "
                        + timer.dueColumn() + " AS due_at FROM ticket_status WHERE " + timer.running()
                        + " AND " + column + " > :since AND " + column + " <= :now")
                .param("since", timestamp(since)).param("now", timestamp(now))
                .query((ResultSet rs) -> {
                    int count = 0;
                    while (rs.next()) {
                        record(rs, timer, kind, threshold, client.apply(rs.getString("client_id")));
                        count++;
                    }
                    return count;
                });
    }

    private void record(ResultSet rs, SlaTimer timer, NotificationKind kind, String threshold,
            Optional<NotificationClients.Client> client) throws SQLException {
        Instant dueAt = instant(rs, "due_at");
        String assignee = rs.getString("assignee");
        SupportLevel level = SupportLevel.valueOf(rs.getString("level"));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", rs.getString("number"));
        facts.put("title", rs.getString("title"));
        facts.put("status", rs.getString("status"));
        facts.put("level", level.name());
        if (assignee != null) {
            facts.put("assignee", assignee);
        }
        facts.put("timer", timer.name());
        facts.put("dueAt", dueAt.toString());
        String answering = recipients.answering(assignee, level);
        outbox.record(new Decision(rs.getObject("ticket_id", UUID.class), kind,
                "sla:" + timer.name() + ":" + threshold + ":" + dueAt,
                answering == null ? List.of() : List.of(answering), recipients.language(client), facts,
                instant(rs, "passed_at")));
    }
}
