package com.ticketledger.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MachineFactsTest {

    /** user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice */
    static MachineFacts.CpuTimes reading(long user, long system, long idle, long iowait, long steal) {
        return reading(user, system, idle, iowait, 0, steal, 0);
    }

    static MachineFacts.CpuTimes reading(long user, long system, long idle, long iowait, long softirq, long steal,
            long contextSwitches) {
        return new MachineFacts.CpuTimes(new long[] {user, 0, system, idle, iowait, 0, softirq, steal, 0, 0},
                contextSwitches);
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
    void theKernelsShareIsOfTheWorkingTimeAndCountsItsInterrupts() {
        MachineFacts.CpuTimes before = reading(1_000, 100, 5_000, 10, 20, 50, 70_000);
        MachineFacts.CpuTimes after = reading(1_600, 250, 5_150, 10, 70, 150, 95_000);
        // 1050 ticks passed: 600 user, 150 system, 50 soft interrupts, 150 idle, 100 stolen: 800 working
        assertThat(after.kernelPercentOfBusySince(before)).isCloseTo(25.0, within(1e-9));
        assertThat(after.contextSwitchesSince(before)).isEqualTo(25_000);
    }

    @Test
    void theMachineCountsItsContextSwitches() {
        MachineFacts.CpuTimes first = MachineFacts.cpuTimes().orElseThrow();
        Thread.yield();
        MachineFacts.CpuTimes second = MachineFacts.cpuTimes().orElseThrow();
        assertThat(first.contextSwitches()).isPositive();
        assertThat(second.contextSwitchesSince(first)).isNotNegative();
    }

    @Test
    void twoEqualReadingsSayNothingRatherThanDivideByZero() {
        MachineFacts.CpuTimes same = reading(1, 1, 1, 1, 1);
        assertThat(same.stealPercentSince(same)).isZero();
        assertThat(same.busyPercentSince(same)).isZero();
        assertThat(same.kernelPercentOfBusySince(same)).isZero();
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
