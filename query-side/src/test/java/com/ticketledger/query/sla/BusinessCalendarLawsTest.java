package com.ticketledger.query.sla;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The laws of calendar arithmetic, over instants of 2026–2028 and amounts up to 200 open hours. */
class BusinessCalendarLawsTest {

    static final BusinessCalendar OFFICE = BusinessCalendarTest.OFFICE;
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, Duration.ofDays(3 * 365).toMinutes())
                .map(minutes -> FROM.plus(Duration.ofMinutes(minutes)));
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.longs().between(1, 200 * 60).map(Duration::ofMinutes);
    }

    @Property
    void dueInstantIsNeverInsideClosedHours(@ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        Instant due = OFFICE.plus(start, amount);
        // Open, or exactly a closing instant (the last minute before it was open).
        assertThat(OFFICE.isOpen(due) || OFFICE.isOpen(due.minusSeconds(60))).isTrue();
    }

    @Property
    void openTimeBetweenStartAndDueIsTheAmount(@ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        assertThat(OFFICE.openTimeBetween(start, OFFICE.plus(start, amount))).isEqualTo(amount);
    }

    @Property
    void addingIsMonotonicInTheAmount(@ForAll("instants") Instant start, @ForAll("amounts") Duration a,
            @ForAll("amounts") Duration b) {
        Duration smaller = a.compareTo(b) <= 0 ? a : b;
        Duration larger = a.compareTo(b) <= 0 ? b : a;
        assertThat(OFFICE.plus(start, smaller)).isBeforeOrEqualTo(OFFICE.plus(start, larger));
    }

    @Property
    void addingIsMonotonicInTheStart(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("amounts") Duration amount) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        assertThat(OFFICE.plus(earlier, amount)).isBeforeOrEqualTo(OFFICE.plus(later, amount));
    }

    @Property
    void addingIsAdditive(@ForAll("instants") Instant start, @ForAll("amounts") Duration a,
            @ForAll("amounts") Duration b) {
        assertThat(OFFICE.plus(OFFICE.plus(start, a), b)).isEqualTo(OFFICE.plus(start, a.plus(b)));
    }

    @Property
    void openTimeIsAdditiveOverASplitPoint(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("instants") Instant c) {
        Instant[] sorted = java.util.stream.Stream.of(a, b, c).sorted().toArray(Instant[]::new);
        assertThat(OFFICE.openTimeBetween(sorted[0], sorted[1]).plus(OFFICE.openTimeBetween(sorted[1], sorted[2])))
                .isEqualTo(OFFICE.openTimeBetween(sorted[0], sorted[2]));
    }

    @Property
    void twentyFourSevenAddsPlainTime(@ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(BusinessCalendarTest.BUENOS_AIRES);
        assertThat(always.plus(start, amount)).isEqualTo(start.plus(amount));
    }
}
