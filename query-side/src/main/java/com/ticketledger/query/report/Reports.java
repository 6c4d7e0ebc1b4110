package com.ticketledger.query.report;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.policy.SlaPolicies;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.sla.SlaState;
import com.ticketledger.query.status.SlaView;
import com.ticketledger.query.status.StatusRow;
import com.ticketledger.query.status.StatusRows;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The reports, computed from {@code report_ticket}; SLA states come from {@link SlaPolicy#state}, as everywhere. */
@Service
class Reports {

    private final StatusRows rows;
    private final JdbcClient jdbc;
    private final SlaPolicies policies;

    Reports(NamedParameterJdbcTemplate jdbcTemplate, JdbcClient jdbc, SlaPolicies policies) {
        this.rows = new StatusRows(jdbcTemplate, ReportProjection.TABLE);
        this.jdbc = jdbc;
        this.policies = policies;
    }

    SlaReport sla(Instant from, Instant to, String groupBy, Instant now) {
        Function<StatusRow, String> key = "client".equals(groupBy) ? StatusRow::clientId : row -> row.priority().name();
        Map<String, List<StatusRow>> groups = new TreeMap<>();
        for (StatusRow row : rows.openedBetween(from, to)) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        List<SlaReport.Group> result = new ArrayList<>();
        if ("priority".equals(groupBy)) {
            for (Priority priority : Priority.values()) {
                List<StatusRow> group = groups.get(priority.name());
                if (group != null) {
                    result.add(group(priority.name(), group, now, null, null));
                }
            }
        } else {
            Map<String, String[]> register = clientNamesAndPolicies();
            groups.forEach((client, group) -> {
                String[] known = register.getOrDefault(client, new String[2]);
                result.add(group(client, group, now, known[0], known[1]));
            });
        }
        return new SlaReport(from, to, groupBy, now, result);
    }

    /**
     * Times are business time, as the SLA clocks count it: the response's open time of the priority's calendar
     * (that clock never pauses), and the open time the resolution clock had consumed when it last stopped, which
     * the status evolution keeps and which leaves out every stretch the ticket spent PENDING_CLOSURE.
     */
    /**
     * Each registered client's name and contract policy, from the clients projection. A client never registered (its
     * tickets older than the register) is grouped by its id alone.
     */
    private Map<String, String[]> clientNamesAndPolicies() {
        Map<String, String[]> register = new TreeMap<>();
        jdbc.sql("SELECT client_id, name, sla_policy FROM client_view").query((rs, row) -> register.put(
                rs.getString("client_id"), new String[] {rs.getString("name"), rs.getString("sla_policy")})).list();
        return register;
    }

    /**
     * A report counts a ticket pending closure as resolved (the desk has done its part; the client's answer does not
     * change whether the target was met): a target the status view shows PAUSED there was met.
     */
    static SlaState asDone(SlaState state) {
        return state == SlaState.PAUSED ? SlaState.MET : state;
    }

    private SlaReport.Group group(String name, List<StatusRow> tickets, Instant now, String clientName,
            String slaPolicy) {
        long responseMet = 0;
        long responseBreached = 0;
        long resolutionMet = 0;
        long resolutionBreached = 0;
        long cancelled = 0;
        List<Double> toRespond = new ArrayList<>();
        List<Double> toResolve = new ArrayList<>();
        long updateMet = 0;
        long updateBreached = 0;
        List<Double> betweenUpdates = new ArrayList<>();
        for (StatusRow row : tickets) {
            // each ticket's open time is counted by its own policy version, as its clocks were
            SlaPolicy sla = policies.version(row.slaPolicy(), row.slaPolicyVersion());
            if (row.status() == TicketStatus.CANCELLED) {
                // Withdrawn or closed without a resolution: its targets are neither met nor breached.
                cancelled++;
                continue;
            }
            SlaView view = SlaView.of(row, now);
            SlaState response = view.responseState();
            boolean resolved = row.status() == TicketStatus.PENDING_CLOSURE || row.status() == TicketStatus.CLOSED;
            SlaState resolution = asDone(view.resolutionState());
            responseMet += response == SlaState.MET ? 1 : 0;
            responseBreached += response == SlaState.BREACHED ? 1 : 0;
            resolutionMet += resolution == SlaState.MET ? 1 : 0;
            resolutionBreached += resolution == SlaState.BREACHED ? 1 : 0;
            if (row.respondedAt() != null) {
                toRespond.add(minutes(sla.consumed(row.priority(), row.openedAt(), row.respondedAt())));
            }
            if (resolved) {
                toResolve.add(minutes(row.resolutionConsumed()));
            }
            SlaPolicy.UpdateClock updates = row.updateClock();
            SlaState update = asDone(view.updateState());
            // A running ticket whose current window is on time still missed an update if an earlier one was late.
            updateBreached += update == SlaState.BREACHED || updates.lateWindows() > 0 ? 1 : 0;
            updateMet += update == SlaState.MET ? 1 : 0;
            for (SlaPolicy.UpdateWindow window : updates.windows()) {
                betweenUpdates.add(minutes(sla.openTime(row.priority(), window)));
            }
        }
        long decided = responseMet + responseBreached + resolutionMet + resolutionBreached;
        Double compliance = decided == 0 ? null : round(100.0 * (responseMet + resolutionMet) / decided);
        return new SlaReport.Group(name, tickets.size(), responseMet, responseBreached, resolutionMet,
                resolutionBreached, compliance, mean(toRespond), p90(toRespond), mean(toResolve), p90(toResolve),
                cancelled, updateMet, updateBreached, mean(betweenUpdates), p90(betweenUpdates), clientName,
                slaPolicy);
    }

    Backlog backlog(Instant now) {
        List<Backlog.Row> result = jdbc.sql("""
                        SELECT level, priority, bucket, count(*) AS tickets FROM (
                            SELECT level, priority, priority_rank,
                                   CASE WHEN opened_at > :now - INTERVAL '1 day' THEN '<1d'
                                        WHEN opened_at > :now - INTERVAL '3 days' THEN '1-3d'
                                        WHEN opened_at > :now - INTERVAL '7 days' THEN '3-7d'
                                        WHEN opened_at > :now - INTERVAL '30 days' THEN '7-30d'
                                        ELSE '>30d' END AS bucket,
                                   CASE WHEN opened_at > :now - INTERVAL '1 day' THEN 0
                                        WHEN opened_at > :now - INTERVAL '3 days' THEN 1
                                        WHEN opened_at > :now - INTERVAL '7 days' THEN 2
                                        WHEN opened_at > :now - INTERVAL '30 days' THEN 3
                                        ELSE 4 END AS bucket_rank
                            FROM report_ticket WHERE status NOT IN ('CLOSED', 'CANCELLED')) open_tickets
                        GROUP BY level, priority, priority_rank, bucket, bucket_rank
                        ORDER BY level, priority_rank, bucket_rank""")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Backlog.Row(SupportLevel.valueOf(rs.getString("level")),
                        Priority.valueOf(rs.getString("priority")), rs.getString("bucket"), rs.getLong("tickets")))
                .list();
        return new Backlog(now, result.stream().mapToLong(Backlog.Row::tickets).sum(), result);
    }

    private static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    /** The nearest-rank 90th percentile. */
    private static Double p90(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return round(sorted.get(rank - 1));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
