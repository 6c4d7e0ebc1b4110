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
     * business minutes: open time of the ticket's priority's calendar, the same figures its SLA clocks count —
     * from the opening to the first response, and the open time the resolution clock ran until the last pending
     * closure (time PENDING_CLOSURE before a reopening excluded).
     * A cancelled ticket counts among {@code tickets} and in {@code cancelled}, and in none of the other figures.
     * The update (keep-in-loop) target counts tickets, not windows: {@code updateBreached} is how many tickets had
     * news late at least once; it is not part of {@code compliancePercent}, which stays response and resolution.
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
            @Schema(description = "Mean business minutes (open time of the priority's calendar) from the opening to"
                    + " the first response, over the tickets responded to; null when none")
            Double meanBusinessMinutesToRespond,
            @Schema(description = "Nearest-rank 90th percentile of the same; null when none")
            Double p90BusinessMinutesToRespond,
            @Schema(description = "Mean business minutes the resolution clock ran until the last pending closure"
                    + " (time pending closure before a reopening excluded), over the tickets pending closure or"
                    + " closed; null when none")
            Double meanBusinessMinutesToResolve,
            @Schema(description = "Nearest-rank 90th percentile of the same; null when none")
            Double p90BusinessMinutesToResolve,
            @Schema(description = "Tickets cancelled (withdrawn, duplicates, out of scope, no contract): in no other"
                    + " figure of the group")
            long cancelled,
            @Schema(description = "Tickets pending closure or closed with every update window on time")
            long updateMet,
            @Schema(description = "Tickets that kept the client waiting for news past the update target at least"
                    + " once: a window closed late, or the current one is running past its due instant")
            long updateBreached,
            @Schema(description = "Mean business minutes between updates (open time of the priority's calendar of"
                    + " each closed window: from the opening, a reopening or a public note by the desk to the next,"
                    + " or to pending closure), over every closed window of the group's tickets; null when none")
            Double meanBusinessMinutesBetweenUpdates,
            @Schema(description = "Nearest-rank 90th percentile of the same; null when none")
            Double p90BusinessMinutesBetweenUpdates,
            @Schema(description = "Grouped by client: the client's name in the register; null when grouped by"
                    + " priority, or for a client never registered")
            String clientName,
            @Schema(description = "Grouped by client: the SLA policy its contract names; null otherwise")
            String slaPolicy) {
    }
}
