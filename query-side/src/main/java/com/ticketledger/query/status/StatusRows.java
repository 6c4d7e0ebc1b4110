package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of a table of status rows: {@code ticket_status} (the status projection) or a table of the same
 * shape another projection keeps for itself ({@code report_ticket}), so that each can be rebuilt alone.
 */
public class StatusRows {

    static final RowMapper<StatusRow> ROW = StatusRows::map;

    private final JdbcClient jdbc;
    private final String table;

    public StatusRows(JdbcClient jdbc, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    public String table() {
        return table;
    }

    public Optional<StatusRow> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE ticket_id = :id").param("id", ticketId)
                .query(ROW).optional();
    }

    /** A replayed opening changes nothing: the row is there already. */
    public void insert(StatusRow row) {
        jdbc.sql("INSERT INTO " + table + """
                         (ticket_id, number, client_id, title, type, priority, status, level,
                            assignee, opened_at, updated_at, reopen_count, version, opened_position, last_position,
                            type_rank, priority_rank, responded_at, response_at_risk_at, response_due_at,
                            resolution_consumed_ms, resolution_running_since, resolution_at_risk_at,
                            resolution_due_at, resolved_at)
                        VALUES (:ticketId, :number, :clientId, :title, :type, :priority, :status, :level,
                            :assignee, :openedAt, :updatedAt, :reopenCount, :version, :openedPosition, :lastPosition,
                            :typeRank, :priorityRank, :respondedAt, :responseAtRiskAt, :responseDueAt,
                            :resolutionConsumedMs, :resolutionRunningSince, :resolutionAtRiskAt,
                            :resolutionDueAt, :resolvedAt)
                        ON CONFLICT (ticket_id) DO NOTHING""")
                .params(params(row))
                .update();
    }

    /** Applies only while the stored row is behind: a replayed event changes nothing twice. */
    public void update(StatusRow row) {
        jdbc.sql("UPDATE " + table + """
                         SET status = :status, level = :level, assignee = :assignee,
                            updated_at = :updatedAt, reopen_count = :reopenCount, version = :version,
                            last_position = :lastPosition, responded_at = :respondedAt,
                            resolution_consumed_ms = :resolutionConsumedMs,
                            resolution_running_since = :resolutionRunningSince,
                            resolution_at_risk_at = :resolutionAtRiskAt, resolution_due_at = :resolutionDueAt,
                            resolved_at = :resolvedAt
                        WHERE ticket_id = :ticketId AND version < :version""")
                .params(params(row))
                .update();
    }

    public void deleteAll() {
        jdbc.sql("DELETE FROM " + table).update();
    }

    private static Map<String, Object> params(StatusRow row) {
        Map<String, Object> params = new HashMap<>();
        params.put("ticketId", row.ticketId());
        params.put("number", row.number());
        params.put("clientId", row.clientId());
        params.put("title", row.title());
        params.put("type", row.type().name());
        params.put("priority", row.priority().name());
        params.put("status", row.status().name());
        params.put("level", row.level().name());
        params.put("assignee", row.assignee());
        params.put("openedAt", timestamp(row.openedAt()));
        params.put("updatedAt", timestamp(row.updatedAt()));
        params.put("reopenCount", row.reopenCount());
        params.put("version", row.version());
        params.put("openedPosition", row.openedPosition());
        params.put("lastPosition", row.lastPosition());
        params.put("typeRank", StatusRow.typeRank(row.type()));
        params.put("priorityRank", StatusRow.priorityRank(row.priority()));
        params.put("respondedAt", timestamp(row.respondedAt()));
        params.put("responseAtRiskAt", timestamp(row.responseAtRiskAt()));
        params.put("responseDueAt", timestamp(row.responseDueAt()));
        params.put("resolutionConsumedMs", row.resolutionConsumed().toMillis());
        params.put("resolutionRunningSince", timestamp(row.resolutionRunningSince()));
        params.put("resolutionAtRiskAt", timestamp(row.resolutionAtRiskAt()));
        params.put("resolutionDueAt", timestamp(row.resolutionDueAt()));
        params.put("resolvedAt", timestamp(row.resolvedAt()));
        return params;
    }

    /** Rows of this table: {@code where} follows {@code SELECT * FROM <table> WHERE}. */
    public List<StatusRow> select(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + where).params(params).query(ROW).list();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static StatusRow map(ResultSet rs, int row) throws SQLException {
        return new StatusRow(
                rs.getObject("ticket_id", UUID.class),
                rs.getString("number"),
                rs.getString("client_id"),
                rs.getString("title"),
                TicketType.valueOf(rs.getString("type")),
                Priority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                SupportLevel.valueOf(rs.getString("level")),
                rs.getString("assignee"),
                instant(rs, "opened_at"),
                instant(rs, "updated_at"),
                rs.getInt("reopen_count"),
                rs.getLong("version"),
                rs.getLong("opened_position"),
                rs.getLong("last_position"),
                instant(rs, "responded_at"),
                instant(rs, "response_at_risk_at"),
                instant(rs, "response_due_at"),
                Duration.ofMillis(rs.getLong("resolution_consumed_ms")),
                instant(rs, "resolution_running_since"),
                instant(rs, "resolution_at_risk_at"),
                instant(rs, "resolution_due_at"),
                instant(rs, "resolved_at"));
    }
}
