package com.ticketledger.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagProbeTest {

    @Test
    void readsTheProjectionsWaitFromTheServerTimingHeaderInMicroseconds() {
        assertThat(Benchmark.LagProbe.projectionWait("projection;dur=12.3")).isEqualTo(12_300);
        assertThat(Benchmark.LagProbe.projectionWait("db;dur=3, projection;dur=0.5")).isEqualTo(500);
        assertThat(Benchmark.LagProbe.projectionWait("")).as("a read that named no position").isZero();
    }
}
