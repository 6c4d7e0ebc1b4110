package com.ticketledger.query.admin;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRateTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private final ProgressRate rate = new ProgressRate();

    @Test
    void knowsNoSpeedUntilTwoReadsASecondApart() {
        assertThat(rate.record("reports", T0, 100)).isEmpty();
        assertThat(rate.record("reports", T0.plusMillis(500), 600)).isEmpty();
        assertThat(rate.record("reports", T0.plusSeconds(2), 4_100)).hasValue(2_000.0);
    }

    @Test
    void measuresOverTheLastTenSecondsOnly() {
        rate.record("reports", T0, 0);
        rate.record("reports", T0.plusSeconds(10), 10_000);
        rate.record("reports", T0.plusSeconds(20), 110_000);
        // 0 at T0 is out of the window at T0+25 s: the speed is that of the last stretch, not the average since start
        assertThat(rate.record("reports", T0.plusSeconds(25), 160_000)).hasValue(10_000.0);
    }

    @Test
    void startsAgainWhenTheProjectionIsReset() {
        rate.record("reports", T0, 50_000);
        rate.record("reports", T0.plusSeconds(5), 60_000);
        assertThat(rate.record("reports", T0.plusSeconds(6), 1_000)).isEmpty();
        assertThat(rate.record("reports", T0.plusSeconds(8), 9_000)).hasValue(4_000.0);
    }

    @Test
    void keepsEachProjectionApart() {
        rate.record("reports", T0, 0);
        rate.record("ticket-history", T0, 0);
        assertThat(rate.record("reports", T0.plusSeconds(2), 200)).hasValue(100.0);
        assertThat(rate.record("ticket-history", T0.plusSeconds(2), 20)).hasValue(10.0);
    }
}
