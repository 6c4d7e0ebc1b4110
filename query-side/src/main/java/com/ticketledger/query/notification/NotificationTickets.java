package com.ticketledger.query.notification;

import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.processing.BatchedRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static com.ticketledger.query.notification.Outbox.instant;
import static com.ticketledger.query.notification.Outbox.timestamp;
import static com.ticketledger.query.processing.ColumnArrays.column;
import static com.ticketledger.query.processing.ColumnArrays.instants;

/**
 * What the notifications projection keeps of each ticket ({@code notification_ticket}), and its SQL: read and
 * written in bulk per processor batch ({@link BatchedRows}), one row at once outside one.
 */
@Component
class NotificationTickets {

    /**
     * A ticket as the notifications need it.
     *
     * @param autoAcceptAt        the latest pending closure's automatic acceptance, while the ticket is pending
     *                            closure; {@code null} otherwise
     * @param autoAcceptWarningAt when its reminder is due, likewise
     */
    record Ticket(UUID ticketId, String number, String clientId, String title, String reporterEmail,
            TicketStatus status, SupportLevel level, String assignee, long version, Instant autoAcceptAt,
            Instant autoAcceptWarningAt) {

        /** The ticket after one of its later events, {@code sequence}. */
        Ticket after(TicketEvent event, long sequence) {
            TicketStatus nextStatus = status;
            SupportLevel nextLevel = level;
            String nextAssignee = assignee;
            Instant acceptAt = null;
            Instant warningAt = null;
            if (event instanceof TicketAssigned assigned) {
                nextStatus = TicketStatus.ASSIGNED;
                nextAssignee = assigned.engineer();
            } else if (event instanceof TicketEscalated escalated) {
                nextLevel = escalated.toLevel();
                nextAssignee = escalated.engineer();
                nextStatus = escalated.engineer() == null ? TicketStatus.OPEN : TicketStatus.ASSIGNED;
            } else if (event instanceof TicketPendingClosure pending) {
                nextStatus = TicketStatus.PENDING_CLOSURE;
                acceptAt = pending.autoAcceptAt();
                warningAt = pending.autoAcceptWarningAt();
            } else if (event instanceof ClosureAccepted) {
                nextStatus = TicketStatus.CLOSED;
            } else if (event instanceof TicketReopened reopened) {
                nextStatus = TicketStatus.ASSIGNED;
                nextAssignee = reopened.engineer();
            } else if (event instanceof TicketCancelled) {
                nextStatus = TicketStatus.CANCELLED;
            }
            return new Ticket(ticketId, number, clientId, title, reporterEmail, nextStatus, nextLevel, nextAssignee,
                    sequence, acceptAt, warningAt);
        }

        /** What every message of this ticket says of it. */
        Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("number", number);
            facts.put("title", title);
            facts.put("status", status.name());
            facts.put("level", level.name());
            if (assignee != null) {
                facts.put("assignee", assignee);
            }
            return facts;
        }
    }

    private static final RowMapper<Ticket> TICKET = (rs, row) -> new Ticket(rs.getObject("ticket_id", UUID.class),
            rs.getString("number"), rs.getString("client_id"), rs.getString("title"), rs.getString("reporter_email"),
            TicketStatus.valueOf(rs.getString("status")), SupportLevel.valueOf(rs.getString("level")),
            rs.getString("assignee"), rs.getLong("version"), instant(rs, "auto_accept_at"),
            instant(rs, "auto_accept_warning_at"));

    private final JdbcClient jdbc;
    private final BatchedRows<UUID, Ticket> rows;

    NotificationTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new BatchedRows<>("notification_ticket",
                payload -> payload instanceof TicketEvent event ? Stream.of(event.ticketId()) : Stream.empty(),
                Ticket::ticketId, BatchedRows.Table.of(this::load, this::write));
    }

    /** A replayed opening leaves the row as it is. */
    void opened(TicketOpened event, long sequence) {
        if (rows.find(event.ticketId()).isEmpty()) {
            rows.save(new Ticket(event.ticketId(), event.number(), event.clientId(), event.title(),
                    event.reporter() == null ? null : event.reporter().email(), TicketStatus.OPEN, SupportLevel.L1,
                    null, sequence, null, null));
        }
    }

    /** The ticket as the batch has it so far. */
    Optional<Ticket> find(UUID ticketId) {
        return rows.find(ticketId);
    }

    /** Saves the ticket after one of its events: written with the batch, unless the stored row is past it. */
    void save(Ticket ticket) {
        rows.save(ticket);
    }

    /** Writes what the batch changed so far (an erasure is about to change rows behind its back). */
    void flush() {
        rows.flush();
    }

    private Map<UUID, Ticket> load(Collection<UUID> ticketIds) {
        Map<UUID, Ticket> found = new HashMap<>();
        jdbc.sql("SELECT * FROM notification_ticket WHERE ticket_id = ANY(:ids)")
                .param("ids", ticketIds.toArray(UUID[]::new))
                .query(TICKET).list().forEach(ticket -> found.put(ticket.ticketId(), ticket));
        return found;
    }

    /**
     * One upsert for all of {@code tickets}: a new row as it is; a stored one takes what changes, unless it is at or
     * past the ticket's version already (a replayed opening, or a batch handled again).
     */
    private void write(List<Ticket> tickets) {
        jdbc.sql("""
                        INSERT INTO notification_ticket AS stored (ticket_id, number, client_id, title, reporter_email,
                            status, level, assignee, version, auto_accept_at, auto_accept_warning_at)
                        SELECT * FROM unnest(CAST(:ids AS UUID[]), CAST(:numbers AS VARCHAR[]),
                            CAST(:clientIds AS VARCHAR[]), CAST(:titles AS VARCHAR[]), CAST(:emails AS VARCHAR[]),
                            CAST(:statuses AS VARCHAR[]), CAST(:levels AS VARCHAR[]), CAST(:assignees AS VARCHAR[]),
                            CAST(:versions AS BIGINT[]), CAST(:acceptAts AS TIMESTAMPTZ[]),
                            CAST(:warningAts AS TIMESTAMPTZ[]))
                        ON CONFLICT (ticket_id) DO UPDATE
                        SET status = EXCLUDED.status, level = EXCLUDED.level, assignee = EXCLUDED.assignee,
                            version = EXCLUDED.version, auto_accept_at = EXCLUDED.auto_accept_at,
                            auto_accept_warning_at = EXCLUDED.auto_accept_warning_at
                        WHERE stored.version < EXCLUDED.version""")
                .param("ids", column(tickets, ticket -> ticket.ticketId().toString()))
                .param("numbers", column(tickets, Ticket::number))
                .param("clientIds", column(tickets, Ticket::clientId))
                .param("titles", column(tickets, Ticket::title))
                .param("emails", column(tickets, Ticket::reporterEmail))
                .param("statuses", column(tickets, ticket -> ticket.status().name()))
                .param("levels", column(tickets, ticket -> ticket.level().name()))
                .param("assignees", column(tickets, Ticket::assignee))
                .param("versions", column(tickets, ticket -> Long.toString(ticket.version())))
                .param("acceptAts", instants(tickets, Ticket::autoAcceptAt))
                .param("warningAts", instants(tickets, Ticket::autoAcceptWarningAt))
                .update();
    }

    /** Tickets pending closure whose reminder fell due between {@code since} and {@code now}. */
    List<Ticket> remindersDue(Instant since, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM notification_ticket
                        WHERE status = 'PENDING_CLOSURE' AND auto_accept_warning_at > :since
                          AND auto_accept_warning_at <= :now""")
                .param("since", timestamp(since)).param("now", timestamp(now)).query(TICKET).list();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM notification_ticket").update();
    }

    /** The reporters' e-mail addresses kept (an erasure looks for its subject's among them). */
    List<String> reporterEmails() {
        return jdbc.sql("SELECT DISTINCT reporter_email FROM notification_ticket WHERE reporter_email IS NOT NULL"
                        + " AND reporter_email <> :erased")
                .param("erased", PersonalData.ERASED).query(String.class).list();
    }

    /** A reporter's address whose personal data was erased reads {@value PersonalData#ERASED} from now on. */
    void eraseReporterEmail(String address) {
        jdbc.sql("UPDATE notification_ticket SET reporter_email = :erased WHERE reporter_email = :address")
                .param("erased", PersonalData.ERASED).param("address", address).update();
    }
}
