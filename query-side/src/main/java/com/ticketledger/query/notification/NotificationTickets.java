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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.ticketledger.query.notification.Outbox.instant;
import static com.ticketledger.query.notification.Outbox.timestamp;

/** What the notifications projection keeps of each ticket ({@code notification_ticket}), and its SQL. */
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

    NotificationTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replayed opening leaves the row as it is. */
    void opened(TicketOpened event, long sequence) {
        jdbc.sql("""
                        INSERT INTO notification_ticket (ticket_id, number, client_id, title, reporter_email, status,
                            level, version)
                        VALUES (:id, :number, :clientId, :title, :email, 'OPEN', 'L1', :version)
                        ON CONFLICT (ticket_id) DO NOTHING""")
                .param("id", event.ticketId()).param("number", event.number()).param("clientId", event.clientId())
                .param("title", event.title())
                .param("email", event.reporter() == null ? null : event.reporter().email())
                .param("version", sequence).update();
    }

    Optional<Ticket> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM notification_ticket WHERE ticket_id = :id").param("id", ticketId)
                .query(TICKET).optional();
    }

    void save(Ticket ticket) {
        jdbc.sql("""
                        UPDATE notification_ticket SET status = :status, level = :level, assignee = :assignee,
                            version = :version, auto_accept_at = :acceptAt, auto_accept_warning_at = :warningAt
                        WHERE ticket_id = :id AND version < :version""")
                .param("id", ticket.ticketId()).param("status", ticket.status().name())
                .param("level", ticket.level().name()).param("assignee", ticket.assignee())
                .param("version", ticket.version()).param("acceptAt", timestamp(ticket.autoAcceptAt()))
                .param("warningAt", timestamp(ticket.autoAcceptWarningAt())).update();
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
