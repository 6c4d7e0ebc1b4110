package com.ticketledger.query.status;

import com.ticketledger.events.SupportLevel;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.sla.SlaState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static com.ticketledger.query.status.StatusRows.timestamp;

/**
 * The desk's gauges, read from {@code ticket_status} when scraped (two queries, at most once a second however
 * many gauges are read): {@code ledger.tickets.open} by level (tickets not closed), and
 * {@code ledger.sla.tickets} by state, AT_RISK or BREACHED: the tickets not closed whose response,
 * resolution or update is in that state now, which is what {@code GET /api/sla/breaches} lists. The SQL applies
 * {@link SlaPolicy#state}'s rules to the stored due instants, the same candidates as
 * {@link StatusReads#inState}.
 */
@Component
class StatusMeters implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Counts counts;

    StatusMeters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Counts(Instant at, Map<SupportLevel, Long> open, long atRisk, long breached) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SupportLevel level : SupportLevel.values()) {
            Gauge.builder("ledger.tickets.open", this, meters -> meters.counts().open().getOrDefault(level, 0L))
                    .description("Tickets not closed, by the level they are at")
                    .tag("level", level.name())
                    .register(registry);
        }
        Gauge.builder("ledger.sla.tickets", this, meters -> meters.counts().atRisk())
                .description("Tickets not closed whose response, resolution or update is in this SLA state now")
                .tag("state", SlaState.AT_RISK.name())
                .register(registry);
        Gauge.builder("ledger.sla.tickets", this, meters -> meters.counts().breached())
                .description("Tickets not closed whose response, resolution or update is in this SLA state now")
                .tag("state", SlaState.BREACHED.name())
                .register(registry);
    }

    private synchronized Counts counts() {
        Instant now = clock.instant();
        if (counts == null || !now.isBefore(counts.at().plus(FRESH_FOR))) {
            counts = read(now);
        }
        return counts;
    }

    private Counts read(Instant now) {
        Map<SupportLevel, Long> open = new EnumMap<>(SupportLevel.class);
        jdbc.sql("SELECT level, count(*) AS tickets FROM ticket_status WHERE status NOT IN ('CLOSED', 'CANCELLED') GROUP BY level")
                .query((rs, n) -> open.put(SupportLevel.valueOf(rs.getString("level")), rs.getLong("tickets")))
                .list();
        // A running clock is AT_RISK from its at-risk instant to its due instant included, BREACHED after it; a
        // response given late, or a resolution paused (pending closure) after its due instant, stays BREACHED. The
        // update clock runs only while OPEN or ASSIGNED; pending closure after a late window is BREACHED.
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE
                                   (responded_at IS NULL AND response_at_risk_at <= :now AND response_due_at >= :now)
                                OR (status <> 'PENDING_CLOSURE' AND resolution_at_risk_at <= :now
                                    AND resolution_due_at >= :now)
                                OR (status IN ('OPEN', 'ASSIGNED') AND update_at_risk_at <= :now
                                    AND update_due_at >= :now)) AS at_risk,
                               count(*) FILTER (WHERE
                                   (responded_at IS NULL AND response_due_at < :now)
                                OR responded_at > response_due_at
                                OR (status = 'PENDING_CLOSURE' AND resolved_at > resolution_due_at)
                                OR (status <> 'PENDING_CLOSURE' AND resolution_due_at < :now)
                                OR (status IN ('OPEN', 'ASSIGNED') AND update_due_at < :now)
                                OR (status = 'PENDING_CLOSURE' AND update_late_windows > 0)) AS breached
                        FROM ticket_status
                        WHERE status NOT IN ('CLOSED', 'CANCELLED')
                          AND ((responded_at IS NULL AND response_at_risk_at <= :now)
                            OR responded_at > response_due_at
                            OR resolution_at_risk_at <= :now
                            OR (status IN ('OPEN', 'ASSIGNED') AND update_at_risk_at <= :now)
                            OR (status = 'PENDING_CLOSURE' AND update_late_windows > 0))""")
                .param("now", timestamp(now))
                .query((rs, n) -> new Counts(now, open, rs.getLong("at_risk"), rs.getLong("breached")))
                .single();
    }
}
