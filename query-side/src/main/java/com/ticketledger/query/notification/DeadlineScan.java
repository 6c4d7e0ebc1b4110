package com.ticketledger.query.notification;

import com.ticketledger.events.SupportLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.ticketledger.query.notification.Outbox.instant;
import static com.ticketledger.query.notification.Outbox.timestamp;

/**
 * The notifications no event announces, found by the clock: an SLA timer of the status view passing 80 % of its
 * target (SLA_AT_RISK) or its deadline (SLA_BREACHED), told to the assignee or, while nobody is assigned, to the
 * level's team lead; and the reminder a business day before an automatic acceptance (AUTO_ACCEPT_SOON), told to
 * the reporter while the ticket is still pending closure.
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
    private final Outbox outbox;
    private final Recipients recipients;
    private final NotificationProperties.Scan settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadlineScan(JdbcClient jdbc, NotificationTickets tickets, Outbox outbox, Recipients recipients,
            NotificationProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
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
            int count = 0;
            for (SlaTimer timer : SlaTimer.ALL) {
                count += passed(timer, timer.atRiskColumn(), NotificationKind.SLA_AT_RISK, since, now);
                count += passed(timer, timer.dueColumn(), NotificationKind.SLA_BREACHED, since, now);
            }
            for (NotificationTickets.Ticket ticket : tickets.remindersDue(since, now)) {
                Map<String, Object> facts = ticket.facts();
                facts.put("autoAcceptAt", ticket.autoAcceptAt() == null ? null : ticket.autoAcceptAt().toString());
                outbox.record(new Decision(ticket.ticketId(), NotificationKind.AUTO_ACCEPT_SOON,
                        "auto-accept-soon:" + ticket.autoAcceptAt(), ticket.reporterEmail(), recipients.language(),
                        facts, ticket.autoAcceptWarningAt()));
                count++;
            }
            return count;
        });
        return decided == null ? 0 : decided;
    }

    private int passed(SlaTimer timer, String column, NotificationKind kind, Instant since, Instant now) {
        String threshold = kind == NotificationKind.SLA_AT_RISK ? "AT_RISK" : "BREACHED";
        return jdbc.sql("SELECT ticket_id, number, title, status, level, assignee, " + column + " AS passed_at, "
                        + timer.dueColumn() + " AS due_at FROM ticket_status WHERE " + timer.running()
                        + " AND " + column + " > :since AND " + column + " <= :now")
                .param("since", timestamp(since)).param("now", timestamp(now))
                .query((ResultSet rs) -> {
                    int count = 0;
                    while (rs.next()) {
                        record(rs, timer, kind, threshold);
                        count++;
                    }
                    return count;
                });
    }

    private void record(ResultSet rs, SlaTimer timer, NotificationKind kind, String threshold) throws SQLException {
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
        outbox.record(new Decision(rs.getObject("ticket_id", UUID.class), kind,
                "sla:" + timer.name() + ":" + threshold + ":" + dueAt, recipients.answering(assignee, level),
                recipients.language(), facts, instant(rs, "passed_at")));
    }
}
