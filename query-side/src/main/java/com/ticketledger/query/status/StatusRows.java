package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of {@code ticket_status}; the projection owns the writes. */
@Repository
public class StatusRows {

    static final RowMapper<StatusRow> ROW = StatusRows::map;

    private final JdbcClient jdbc;

    StatusRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StatusRow> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM ticket_status WHERE ticket_id = :id").param("id", ticketId)
                .query(ROW).optional();
    }

    List<StatusRow> query(String sql, java.util.Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query(ROW).list();
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
