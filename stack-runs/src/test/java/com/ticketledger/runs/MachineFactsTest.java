package com.ticketledger.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MachineFactsTest {

    /** user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice */
    static MachineFacts.CpuTimes reading(long user, long system, long idle, long iowait, long steal) {
        return new MachineFacts.CpuTimes(new long[] {user, 0, system, idle, iowait, 0, 0, steal, 0, 0});
    }

    @Test
    void stealIsTheHostsShareOfTheTimeBetweenTwoReadings() {
        MachineFacts.CpuTimes before = reading(1_000, 100, 5_000, 10, 50);
        MachineFacts.CpuTimes after = reading(1_700, 150, 5_150, 10, 150);
        // 1000 ticks passed: 700 user, 50 system, 150 idle, 100 stolen
        assertThat(after.stealPercentSince(before)).isCloseTo(10.0, within(1e-9));
        assertThat(after.busyPercentSince(before)).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void twoEqualReadingsSayNothingRatherThanDivideByZero() {
        MachineFacts.CpuTimes same = reading(1, 1, 1, 1, 1);
        assertThat(same.stealPercentSince(same)).isZero();
        assertThat(same.busyPercentSince(same)).isZero();
    }

    @Test
    void theReferenceWorkTakesAMeasurableTimePerUnit() {
        double micros = MachineFacts.referenceWorkMicros();
        assertThat(micros).isGreaterThan(0.1).isLessThan(10_000);
    }

    @Test
    void theProcessorHasAName() {
        assertThat(MachineFacts.cpuModel()).isNotBlank();
    }
}
