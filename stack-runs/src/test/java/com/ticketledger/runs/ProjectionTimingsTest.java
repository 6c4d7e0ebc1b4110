package com.ticketledger.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProjectionTimingsTest {

    private static final String BEFORE = """
            # HELP ledger_projection_delay_seconds From an event's append to the commit of the projection's batch
            # TYPE ledger_projection_delay_seconds histogram
            ledger_projection_delay_seconds_bucket{projection="ticket-status",le="0.05"} 10
            ledger_projection_delay_seconds_bucket{projection="ticket-status",le="0.1"} 10
            ledger_projection_delay_seconds_bucket{projection="ticket-status",le="+Inf"} 10
            ledger_projection_delay_seconds_count{projection="ticket-status"} 10
            ledger_projection_delay_seconds_sum{projection="ticket-status"} 0.2
            ledger_projection_batch_seconds_count{phase="commit",projection="ticket-status"} 2
            ledger_projection_batch_seconds_sum{phase="commit",projection="ticket-status"} 0.002
            ledger_projection_batch_events_count{projection="ticket-status"} 2
            ledger_projection_batch_events_sum{projection="ticket-status"} 10
            ledger_projection_batch_seconds_max{phase="commit",projection="ticket-status"} 0.009
            """;

    private static final String AFTER = """
            ledger_projection_delay_seconds_bucket{projection="ticket-status",le="0.05"} 60
            ledger_projection_delay_seconds_bucket{projection="ticket-status",le="0.1"} 100
            ledger_projection_delay_seconds_bucket{projection="ticket-status",le="+Inf"} 110
            ledger_projection_delay_seconds_count{projection="ticket-status"} 110
            ledger_projection_delay_seconds_sum{projection="ticket-status"} 8.2
            ledger_projection_batch_seconds_count{phase="commit",projection="ticket-status"} 12
            ledger_projection_batch_seconds_sum{phase="commit",projection="ticket-status"} 0.032
            ledger_projection_batch_events_count{projection="ticket-status"} 12
            ledger_projection_batch_events_sum{projection="ticket-status"} 110
            ledger_projection_batch_seconds_max{phase="commit",projection="ticket-status"} 0.007
            """;

    private final ProjectionTimings phase = ProjectionTimings.parse(AFTER).since(ProjectionTimings.parse(BEFORE));

    @Test
    void readsTheDelaysPercentilesFromTheBucketsAPhaseAdded() {
        // 100 delays in the phase: 50 up to 50 ms, 40 between 50 and 100 ms, 10 above
        assertThat(phase.projections()).containsExactly("ticket-status");
        assertThat(phase.delayMillis("ticket-status", 0.50)).isCloseTo(50, within(0.01));
        assertThat(phase.delayMillis("ticket-status", 0.70)).as("within its bucket, linearly")
                .isCloseTo(75, within(0.01));
        assertThat(phase.delayMillis("ticket-status", 0.99)).as("beyond the last bound: that bound")
                .isCloseTo(100, within(0.01));
        assertThat(phase.meanDelayMillis("ticket-status")).isCloseTo(80, within(0.01));
    }

    @Test
    void averagesThePhaseOfTheBatchesAPhaseAdded() {
        assertThat(phase.batches("ticket-status")).isEqualTo(10);
        assertThat(phase.eventsPerBatch("ticket-status")).isCloseTo(10, within(0.01));
        assertThat(phase.phaseMillis("ticket-status", "commit")).isCloseTo(3, within(0.01));
        assertThat(phase.phaseMaxMillis("ticket-status", "commit")).as("the timer's own maximum, as it says it now")
                .isCloseTo(7, within(0.01));
        assertThat(phase.lines(10)).containsOnlyKeys("ticket-status");
    }

    @Test
    void hasNoDelayForAProjectionWithoutEvents() {
        assertThat(phase.delayMillis("reports", 0.5)).isNaN();
    }
}
