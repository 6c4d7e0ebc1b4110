package com.ticketledger.sla;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;

/**
 * Generators for the SLA laws: instants of 2026–2028 at minute granularity, leaning towards whole and half
 * hours so that openings and closings (09:00, 18:00, 02:30, midnight) come up often, and amounts of open time up
 * to 200 hours.
 */
public final class SlaArbitraries {

    public static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    public static final int DAYS = 3 * 365 + 1;

    private SlaArbitraries() {
    }

    public static Arbitrary<Instant> instants() {
        Arbitrary<Integer> minutes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(30)),
                Tuple.of(4, Arbitraries.integers().between(0, 59)));
        return Combinators.combine(Arbitraries.integers().between(0, DAYS - 1), Arbitraries.integers().between(0, 23),
                minutes).as((day, hour, minute) -> FROM.plus(Duration.ofDays(day).plusHours(hour).plusMinutes(minute)));
    }

    /** Positive amounts: whole hours often (a desk's targets), any minute otherwise. */
    public static Arbitrary<Duration> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(1, 200).map(Duration::ofHours)),
                Tuple.of(2, Arbitraries.longs().between(1, 200 * 60).map(Duration::ofMinutes)));
    }

    public static Arbitrary<Duration> amountsOrZero() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Duration.ZERO)), Tuple.of(6, amounts()));
    }
}
