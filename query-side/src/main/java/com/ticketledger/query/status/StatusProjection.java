package com.ticketledger.query.status;

import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.sla.Deadlines;
import com.ticketledger.query.sla.SlaPolicy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.ticketledger.query.status.StatusRows.timestamp;

/**
 * Keeps {@code ticket_status}. Each update applies only while the row is behind the event's sequence number,
 * so a replayed event changes nothing twice. The SLA clock (DOMAIN.md): the response is the first assignment
 * or the first public note by an engineer; the resolution clock stops at pending closure and runs again on
 * reopening; escalation resets nothing.
 */
@Component
@ProcessingGroup(StatusProjection.GROUP)
class StatusProjection {

    static final String GROUP = ProcessingGroups.TICKET_STATUS;

    private final JdbcClient jdbc;
    private final SlaPolicy sla;

    StatusProjection(JdbcClient jdbc, SlaPolicy sla) {
        this.jdbc = jdbc;
        this.sla = sla;
    }

    @EventHandler
    void on(TicketOpened event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token) {
        Deadlines response = sla.responseDeadlines(event.priority(), at);
        Deadlines resolution = sla.resolutionDeadlines(event.priority(), at, Duration.ZERO);
        long position = position(token);
        Map<String, Object> row = new HashMap<>();
        row.put("ticketId", event.ticketId());
        row.put("number", event.number());
        row.put("clientId", event.clientId());
        row.put("title", event.title());
        row.put("type", event.type().name());
        row.put("priority", event.priority().name());
        row.put("level", SupportLevel.L1.name());
        row.put("openedAt", timestamp(at));
        row.put("version", sequence);
        row.put("position", position);
        row.put("typeRank", StatusRow.typeRank(event.type()));
        row.put("priorityRank", StatusRow.priorityRank(event.priority()));
        row.put("responseAtRiskAt", timestamp(response.atRiskAt()));
        row.put("responseDueAt", timestamp(response.dueAt()));
        row.put("resolutionAtRiskAt", timestamp(resolution.atRiskAt()));
        row.put("resolutionDueAt", timestamp(resolution.dueAt()));
        jdbc.sql("""
                        INSERT INTO ticket_status (ticket_id, number, client_id, title, type, priority, status, level,
                            opened_at, updated_at, version, opened_position, last_position, type_rank, priority_rank,
                            response_at_risk_at, response_due_at, resolution_running_since, resolution_at_risk_at,
                            resolution_due_at)
                        VALUES (:ticketId, :number, :clientId, :title, :type, :priority, 'OPEN', :level,
                            :openedAt, :openedAt, :version, :position, :position, :typeRank, :priorityRank,
                            :responseAtRiskAt, :responseDueAt, :openedAt, :resolutionAtRiskAt, :resolutionDueAt)
                        ON CONFLICT (ticket_id) DO NOTHING""")
                .params(row)
                .update();
    }

    @EventHandler
    void on(TicketAssigned event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token) {
        change(event.ticketId(), at, sequence, token, """
                        status = 'ASSIGNED', assignee = :engineer, responded_at = coalesce(responded_at, :at)""",
                Map.of("engineer", event.engineer()));
    }

    @EventHandler
    void on(NoteAdded event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token,
            @MetaDataValue(MetaDataKeys.ROLE) String role) {
        boolean responds = Role.ENGINEER.name().equals(role) && event.visibility() == Visibility.PUBLIC;
        change(event.ticketId(), at, sequence, token, responds ? "responded_at = coalesce(responded_at, :at)" : null,
                Map.of());
    }

    @EventHandler
    void on(TicketEscalated event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token) {
        Map<String, Object> values = new HashMap<>();
        values.put("level", event.toLevel().name());
        values.put("engineer", event.engineer());
        values.put("status", (event.engineer() == null ? TicketStatus.OPEN : TicketStatus.ASSIGNED).name());
        change(event.ticketId(), at, sequence, token, "level = :level, assignee = :engineer, status = :status",
                values);
    }

    @EventHandler
    void on(TicketPendingClosure event, @Timestamp Instant at, @SequenceNumber long sequence,
            TrackingToken token) {
        Clock clock = clock(event.ticketId());
        Duration consumed = clock.runningSince() == null ? clock.consumed()
                : clock.consumed().plus(sla.consumed(clock.priority(), clock.runningSince(), at));
        change(event.ticketId(), at, sequence, token, """
                        status = 'PENDING_CLOSURE', resolved_at = :at, resolution_running_since = NULL,
                        resolution_consumed_ms = :consumed""",
                Map.of("consumed", consumed.toMillis()));
    }

    @EventHandler
    void on(ClosureAccepted event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token) {
        change(event.ticketId(), at, sequence, token, "status = 'CLOSED'", Map.of());
    }

    @EventHandler
    void on(TicketReopened event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token) {
        Clock clock = clock(event.ticketId());
        Deadlines resolution = sla.resolutionDeadlines(clock.priority(), at, clock.consumed());
        Map<String, Object> values = new HashMap<>();
        values.put("engineer", event.engineer());
        values.put("atRisk", timestamp(resolution.atRiskAt()));
        values.put("due", timestamp(resolution.dueAt()));
        change(event.ticketId(), at, sequence, token, """
                        status = 'ASSIGNED', assignee = :engineer, reopen_count = reopen_count + 1, resolved_at = NULL,
                        resolution_running_since = :at, resolution_at_risk_at = :atRisk, resolution_due_at = :due""",
                values);
    }

    /** A rebuild starts from an empty table; this projection owns nothing else. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM ticket_status").update();
    }

    /** What the resolution clock needs from the row before it moves. */
    private record Clock(Priority priority, Duration consumed, Instant runningSince) {
    }

    private Clock clock(UUID ticketId) {
        return jdbc.sql("""
                        SELECT priority, resolution_consumed_ms, resolution_running_since
                        FROM ticket_status WHERE ticket_id = :id""")
                .param("id", ticketId)
                .query((rs, n) -> new Clock(Priority.valueOf(rs.getString("priority")),
                        Duration.ofMillis(rs.getLong("resolution_consumed_ms")),
                        rs.getTimestamp("resolution_running_since") == null ? null
                                : rs.getTimestamp("resolution_running_since").toInstant()))
                .single();
    }

    /** Sets {@code assignments} (may be {@code null}) and the bookkeeping every event moves, if the row is behind. */
    private void change(UUID ticketId, Instant at, long sequence, TrackingToken token, String assignments,
            Map<String, ?> values) {
        Map<String, Object> params = new HashMap<>(values);
        params.put("ticketId", ticketId);
        params.put("at", timestamp(at));
        params.put("version", sequence);
        params.put("position", position(token));
        jdbc.sql("UPDATE ticket_status SET " + (assignments == null ? "" : assignments + ", ")
                        + "updated_at = :at, version = :version, last_position = :position "
                        + "WHERE ticket_id = :ticketId AND version < :version")
                .params(params)
                .update();
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a streaming token has a position"));
    }
}
