package com.ticketledger.query.report;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * SLA compliance of the tickets opened in [from, to), per client or per priority, as of {@code asOf}.
 *
 * @param groups one row per client or priority that opened tickets in the period
 */
record SlaReport(Instant from, Instant to, String groupBy, Instant asOf, List<Group> groups) {

    /**
     * A target is met when done on time, breached when done late or still running past its due instant, and
     * neither while it runs within time. Compliance is met / (met + breached) over both targets. Times are
     * wall-clock minutes from opening to the first response and to (the last) pending closure. A cancelled
     * ticket counts among {@code tickets} and in {@code cancelled}, and in none of the other figures.
     */
    @Schema(name = "SlaReportGroup")
    record Group(
            String group,
            long tickets,
            long responseMet,
            long responseBreached,
            long resolutionMet,
            long resolutionBreached,
            Double compliancePercent,
            Double meanMinutesToRespond,
            Double p90MinutesToRespond,
            Double meanMinutesToResolve,
            Double p90MinutesToResolve,
            long cancelled) {
    }
}
