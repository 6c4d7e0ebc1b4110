package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.query.processing.BatchedRows;
import com.ticketledger.sla.Deadlines;
import com.ticketledger.sla.SlaPolicy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.ticketledger.query.processing.ColumnArrays.column;
import static com.ticketledger.query.processing.ColumnArrays.instants;

/**
 * The SQL of a table of status rows: {@code ticket_status} (the status projection) or a table of the same
 * shape another projection keeps for itself ({@code report_ticket}), so that each can be rebuilt alone. A
 * projection's {@link StatusTable} reads and writes it through the processor's batch ({@link #current},
 * {@link #save}: one {@link BatchedRows} per table); the views' reads read the stored rows.
 */
public final class StatusRows {

    static final RowMapper<StatusRow> ROW = StatusRows::map;

    private final JdbcClient jdbc;
    private final String table;
    private final BatchedRows<UUID, StatusRow> batched;

    public StatusRows(NamedParameterJdbcTemplate jdbcTemplate, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.table = table;
        this.batched = new BatchedRows<>(table,
                payload -> payload instanceof TicketEvent event ? Stream.of(event.ticketId()) : Stream.empty(),
                StatusRow::ticketId, BatchedRows.Table.of(this::load, this::write));
    }

    /** The stored row of a ticket, read now (a read of the view, not a projection's). */
    public Optional<StatusRow> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE ticket_id = :id").param("id", ticketId)
                .query(ROW).optional();
    }

    /** The row of a ticket as the processor's batch has it so far: what a projection folds its event into. */
    Optional<StatusRow> current(UUID ticketId) {
        return batched.find(ticketId);
    }

    /**
     * Saves the row: inside a processor's batch it is written with the batch's other rows, once per ticket, just
     * before the batch commits ({@link BatchedRows}); outside one, at once. The write leaves a stored row at or
     * past its version as it is: a batch handled again changes nothing twice.
     */
    void save(StatusRow row) {
        batched.save(row);
    }

    /** The stored rows of {@code tickets}, in one statement: the batch's bulk load. */
    private Map<UUID, StatusRow> load(Collection<UUID> tickets) {
        Map<UUID, StatusRow> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM " + table + " WHERE ticket_id = ANY(:ids)")
                .param("ids", tickets.toArray(UUID[]::new))
                .query(ROW)
                .list()
                .forEach(row -> rows.put(row.ticketId(), row));
        return rows;
    }

    /**
     * Writes {@code rows} in one statement, each over an older stored version only: one array per column
     * ({@link com.ticketledger.query.processing.ColumnArrays}), which {@code unnest} turns back into rows. A JDBC
     * batch of one bound row each cost a parameter map per row, and the driver's multi-row rewrite of it was
     * planned again at each execution.
     */
    private void write(List<StatusRow> rows) {
        jdbc.sql("INSERT INTO " + table + """
                         AS stored (ticket_id, number, client_id, title, type, priority, status, level,
                            assignee, opened_at, updated_at, reopen_count, version, opened_position, last_position,
                            type_rank, priority_rank, responded_at, response_at_risk_at, response_due_at,
                            resolution_consumed_ms, resolution_running_since, resolution_at_risk_at,
                            resolution_due_at, resolved_at, vendor_case_ref, vendor_escalated_at,
                            category, resolution_pauses, auto_accept_at, update_since, update_at_risk_at,
                            update_due_at, update_late_windows, update_windows, sla_policy, sla_policy_version)
                        SELECT * FROM unnest(CAST(:ticketIds AS UUID[]), CAST(:numbers AS TEXT[]),
                            CAST(:clientIds AS TEXT[]), CAST(:titles AS TEXT[]), CAST(:types AS TEXT[]),
                            CAST(:priorities AS TEXT[]), CAST(:statuses AS TEXT[]), CAST(:levels AS TEXT[]),
                            CAST(:assignees AS TEXT[]), CAST(:openedAts AS TIMESTAMPTZ[]),
                            CAST(:updatedAts AS TIMESTAMPTZ[]), CAST(:reopenCounts AS INTEGER[]),
                            CAST(:versions AS BIGINT[]), CAST(:openedPositions AS BIGINT[]),
                            CAST(:lastPositions AS BIGINT[]), CAST(:typeRanks AS SMALLINT[]),
                            CAST(:priorityRanks AS SMALLINT[]), CAST(:respondedAts AS TIMESTAMPTZ[]),
                            CAST(:responseAtRiskAts AS TIMESTAMPTZ[]), CAST(:responseDueAts AS TIMESTAMPTZ[]),
                            CAST(:resolutionConsumedMs AS BIGINT[]), CAST(:resolutionRunningSinces AS TIMESTAMPTZ[]),
                            CAST(:resolutionAtRiskAts AS TIMESTAMPTZ[]), CAST(:resolutionDueAts AS TIMESTAMPTZ[]),
                            CAST(:resolvedAts AS TIMESTAMPTZ[]), CAST(:vendorCaseRefs AS TEXT[]),
                            CAST(:vendorEscalatedAts AS TIMESTAMPTZ[]), CAST(:categories AS TEXT[]),
                            CAST(:resolutionPauses AS TEXT[]), CAST(:autoAcceptAts AS TIMESTAMPTZ[]),
                            CAST(:updateSinces AS TIMESTAMPTZ[]), CAST(:updateAtRiskAts AS TIMESTAMPTZ[]),
                            CAST(:updateDueAts AS TIMESTAMPTZ[]), CAST(:updateLateWindows AS INTEGER[]),
                            CAST(:updateWindows AS TEXT[]), CAST(:slaPolicies AS TEXT[]),
                            CAST(:slaPolicyVersions AS INTEGER[]))
                        ON CONFLICT (ticket_id) DO UPDATE
                        SET status = EXCLUDED.status, level = EXCLUDED.level, assignee = EXCLUDED.assignee,
                            updated_at = EXCLUDED.updated_at, reopen_count = EXCLUDED.reopen_count,
                            version = EXCLUDED.version, last_position = EXCLUDED.last_position,
                            responded_at = EXCLUDED.responded_at,
                            resolution_consumed_ms = EXCLUDED.resolution_consumed_ms,
                            resolution_running_since = EXCLUDED.resolution_running_since,
                            resolution_at_risk_at = EXCLUDED.resolution_at_risk_at,
                            resolution_due_at = EXCLUDED.resolution_due_at, resolved_at = EXCLUDED.resolved_at,
                            vendor_case_ref = EXCLUDED.vendor_case_ref,
                            vendor_escalated_at = EXCLUDED.vendor_escalated_at,
                            type = EXCLUDED.type, priority = EXCLUDED.priority, category = EXCLUDED.category,
                            type_rank = EXCLUDED.type_rank, priority_rank = EXCLUDED.priority_rank,
                            response_at_risk_at = EXCLUDED.response_at_risk_at,
                            response_due_at = EXCLUDED.response_due_at,
                            resolution_pauses = EXCLUDED.resolution_pauses,
                            auto_accept_at = EXCLUDED.auto_accept_at,
                            update_since = EXCLUDED.update_since, update_at_risk_at = EXCLUDED.update_at_risk_at,
                            update_due_at = EXCLUDED.update_due_at,
                            update_late_windows = EXCLUDED.update_late_windows,
                            update_windows = EXCLUDED.update_windows
                        WHERE stored.version < EXCLUDED.version""")
                .param("ticketIds", column(rows, StatusRow::ticketId, UUID[]::new))
                .param("numbers", column(rows, StatusRow::number))
                .param("clientIds", column(rows, StatusRow::clientId))
                .param("titles", column(rows, StatusRow::title))
                .param("types", column(rows, row -> row.type().name()))
                .param("priorities", column(rows, row -> row.priority().name()))
                .param("statuses", column(rows, row -> row.status().name()))
                .param("levels", column(rows, row -> row.level().name()))
                .param("assignees", column(rows, StatusRow::assignee))
                .param("openedAts", instants(rows, StatusRow::openedAt))
                .param("updatedAts", instants(rows, StatusRow::updatedAt))
                .param("reopenCounts", column(rows, StatusRow::reopenCount, Integer[]::new))
                .param("versions", column(rows, StatusRow::version, Long[]::new))
                .param("openedPositions", column(rows, StatusRow::openedPosition, Long[]::new))
                .param("lastPositions", column(rows, StatusRow::lastPosition, Long[]::new))
                .param("typeRanks", column(rows, row -> StatusRow.typeRank(row.type()), Integer[]::new))
                .param("priorityRanks", column(rows, row -> StatusRow.priorityRank(row.priority()), Integer[]::new))
                .param("respondedAts", instants(rows, StatusRow::respondedAt))
                .param("responseAtRiskAts", instants(rows, StatusRow::responseAtRiskAt))
                .param("responseDueAts", instants(rows, StatusRow::responseDueAt))
                .param("resolutionConsumedMs", column(rows, row -> row.resolutionConsumed().toMillis(), Long[]::new))
                .param("resolutionRunningSinces", instants(rows, StatusRow::resolutionRunningSince))
                .param("resolutionAtRiskAts", instants(rows, StatusRow::resolutionAtRiskAt))
                .param("resolutionDueAts", instants(rows, StatusRow::resolutionDueAt))
                .param("resolvedAts", instants(rows, StatusRow::resolvedAt))
                .param("vendorCaseRefs", column(rows, StatusRow::vendorCaseRef))
                .param("vendorEscalatedAts", instants(rows, StatusRow::vendorEscalatedAt))
                .param("categories", column(rows, StatusRow::category))
                .param("resolutionPauses", column(rows, row -> pauses(row.resolutionPauses())))
                .param("autoAcceptAts", instants(rows, StatusRow::autoAcceptAt))
                .param("updateSinces", instants(rows, row -> row.updateClock().since()))
                .param("updateAtRiskAts", instants(rows, row -> row.updateClock().deadlines().atRiskAt()))
                .param("updateDueAts", instants(rows, row -> row.updateClock().deadlines().dueAt()))
                .param("updateLateWindows", column(rows, row -> row.updateClock().lateWindows(), Integer[]::new))
                .param("updateWindows", column(rows, row -> pauses(row.updateClock().windows().stream()
                        .map(window -> new SlaPolicy.Pause(window.from(), window.to())).toList())))
                .param("slaPolicies", column(rows, StatusRow::slaPolicy))
                .param("slaPolicyVersions", column(rows, StatusRow::slaPolicyVersion, Integer[]::new))
                .update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM " + table).update();
    }

    /** Queue order of docs/domain.md; the partial indexes of db/query serve exactly these sort keys. */
    private static final String QUEUE_ORDER = "type_rank, priority_rank, opened_at, ticket_id";

    /** The VENDOR queue's order: the ticket that has waited longest on the vendor first. */
    private static final String VENDOR_ORDER = "vendor_escalated_at, ticket_id";

    /** A place in queue order: the sort keys of the last row of the page before. */
    public record QueueKey(int typeRank, int priorityRank, Instant openedAt, UUID ticketId) {
    }

    /** A place in the VENDOR queue: the escalation to the vendor and the ticket of the page's last row. */
    public record VendorKey(Instant escalatedAt, UUID ticketId) {
    }

    /** The rows of a ticket number ({@code ticket_status_number}). */
    public List<StatusRow> withNumber(String number) {
        return select("number = :number", Map.of("number", number));
    }

    /**
     * Up to {@code limit} rows in opening order after the opening at {@code afterPosition}, narrowed by each of
     * the filters given ({@code null}: any); {@code organisation} is a client viewer's own, {@code clientId} the
     * filter asked for.
     */
    public List<StatusRow> inOpeningOrder(String organisation, String clientId, TicketStatus status,
            Priority priority, Long afterPosition, int limit) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        if (organisation != null) {
            where.append(" AND client_id = :organisation");
            params.put("organisation", organisation);
        }
        if (clientId != null) {
            where.append(" AND client_id = :clientId");
            params.put("clientId", clientId);
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (priority != null) {
            where.append(" AND priority = :priority");
            params.put("priority", priority.name());
        }
        if (afterPosition != null) {
            where.append(" AND opened_position > :after");
            params.put("after", afterPosition);
        }
        params.put("limit", limit);
        return select(where + " ORDER BY opened_position LIMIT :limit", params);
    }

    /** Up to {@code limit} open, unassigned tickets of an L1 to L3 level after {@code after}, in queue order. */
    public List<StatusRow> levelQueue(SupportLevel level, QueueKey after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("level", level.name());
        return queue("status = 'OPEN' AND assignee IS NULL AND level = :level", params, after, limit);
    }

    /** Up to {@code limit} of an engineer's assigned or pending tickets after {@code after}, in queue order. */
    public List<StatusRow> engineerQueue(String engineer, QueueKey after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("engineer", engineer);
        return queue("status IN ('ASSIGNED', 'PENDING_CLOSURE') AND assignee = :engineer", params, after, limit);
    }

    private List<StatusRow> queue(String filter, Map<String, Object> params, QueueKey after, int limit) {
        String where = filter;
        if (after != null) {
            where += " AND (" + QUEUE_ORDER + ") > (:typeRank, :priorityRank, :openedAt, :ticketId)";
            params.put("typeRank", after.typeRank());
            params.put("priorityRank", after.priorityRank());
            params.put("openedAt", timestamp(after.openedAt()));
            params.put("ticketId", after.ticketId());
        }
        params.put("limit", limit);
        return select(where + " ORDER BY " + QUEUE_ORDER + " LIMIT :limit", params);
    }

    /**
     * Up to {@code limit} tickets waiting on the vendor (at VENDOR and ASSIGNED) after {@code after}, oldest
     * escalation to the vendor first; the partial index {@code ticket_status_vendor_queue} serves it.
     */
    public List<StatusRow> vendorQueue(VendorKey after, int limit) {
        String where = "level = 'VENDOR' AND status = 'ASSIGNED'";
        Map<String, Object> params = new HashMap<>();
        if (after != null) {
            where += " AND (" + VENDOR_ORDER + ") > (:escalatedAt, :ticketId)";
            params.put("escalatedAt", timestamp(after.escalatedAt()));
            params.put("ticketId", after.ticketId());
        }
        params.put("limit", limit);
        return select(where + " ORDER BY " + VENDOR_ORDER + " LIMIT :limit", params);
    }

    /**
     * The tickets neither closed nor cancelled whose response, resolution or update can be at risk or breached
     * at {@code now} (each served by its own index); which state each is in, {@link SlaView#of} decides.
     */
    public List<StatusRow> slaCandidates(Instant now) {
        return select("""
                        status NOT IN ('CLOSED', 'CANCELLED')
                          AND ((responded_at IS NULL AND response_at_risk_at <= :now)
                            OR responded_at > response_due_at
                            OR resolution_at_risk_at <= :now
                            OR (status IN ('OPEN', 'ASSIGNED') AND update_at_risk_at <= :now)
                            OR (status = 'PENDING_CLOSURE' AND update_late_windows > 0))""",
                Map.of("now", timestamp(now)));
    }

    /** The tickets opened from {@code from} until before {@code to}. */
    public List<StatusRow> openedBetween(Instant from, Instant to) {
        return select("opened_at >= :from AND opened_at < :to", Map.of("from", timestamp(from), "to", timestamp(to)));
    }

    /** Rows of this table: {@code where} follows {@code SELECT * FROM <table> WHERE}, its values bound by name. */
    private List<StatusRow> select(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + where).params(params).query(ROW).list();
    }

    /** The clock's stops (or the update clock's windows) as text: {@code <from>/<to>} ISO-8601 instants, separated by spaces, oldest first. */
    static String pauses(List<SlaPolicy.Pause> pauses) {
        return pauses.stream().map(pause -> pause.from() + "/" + pause.to()).collect(Collectors.joining(" "));
    }

    static List<SlaPolicy.Pause> pauses(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split(" ")).map(pause -> {
            String[] ends = pause.split("/", 2);
            return new SlaPolicy.Pause(Instant.parse(ends[0]), Instant.parse(ends[1]));
        }).toList();
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
                instant(rs, "resolved_at"),
                rs.getString("vendor_case_ref"),
                instant(rs, "vendor_escalated_at"),
                rs.getString("category"),
                pauses(rs.getString("resolution_pauses")),
                instant(rs, "auto_accept_at"),
                new SlaPolicy.UpdateClock(instant(rs, "update_since"),
                        new Deadlines(instant(rs, "update_at_risk_at"), instant(rs, "update_due_at")),
                        rs.getInt("update_late_windows"), pauses(rs.getString("update_windows")).stream()
                                .map(window -> new SlaPolicy.UpdateWindow(window.from(), window.to())).toList()),
                rs.getString("sla_policy"),
                rs.getInt("sla_policy_version"));
    }
}
