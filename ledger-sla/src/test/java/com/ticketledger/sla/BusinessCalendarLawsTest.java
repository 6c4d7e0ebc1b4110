package com.ticketledger.sla;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static com.ticketledger.sla.SlaFixtures.ALWAYS;
import static com.ticketledger.sla.SlaFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of calendar arithmetic, over instants of 2026–2028 and amounts up to 200 open hours, on docs/domain.md's
 * office (with holidays and a closed week) and on two calendars whose hours meet daylight-saving transitions.
 */
class BusinessCalendarLawsTest {

    /** Chile changes its clocks at midnight, exactly when this desk closes. */
    static final BusinessCalendar SANTIAGO_EVENINGS = BusinessCalendar.weekly(ZoneId.of("America/Santiago"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(20, 0), LocalTime.MIDNIGHT,
            Set.of(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 19), LocalDate.of(2027, 9, 17)));

    /** Spain changes its clocks between 02:00 and 03:00: one day a year these hours vanish, one day they double. */
    static final BusinessCalendar MADRID_SMALL_HOURS = BusinessCalendar.weekly(ZoneId.of("Europe/Madrid"),
            EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), LocalTime.of(3, 30), Set.of());

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(OFFICE, SANTIAGO_EVENINGS, MADRID_SMALL_HOURS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return SlaArbitraries.instants();
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return SlaArbitraries.amounts();
    }

    @Provide
    Arbitrary<Duration> amountsOrZero() {
        return SlaArbitraries.amountsOrZero();
    }

    @Property
    void aDueInstantIsNeverStrictlyInsideClosedTime(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        Instant due = calendar.plus(start, amount);
        assertThat(calendar.isOpen(due) || calendar.isOpen(due.minusNanos(1)))
                .as("%s is open, or the closing instant of open time", due).isTrue();
    }

    @Property
    void theDueInstantIsTheFirstAtWhichTheWholeAmountHasPassed(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
        Instant due = calendar.plus(start, amount);
        assertThat(calendar.openTimeBetween(start, due)).isEqualTo(amount);
        assertThat(calendar.openTimeBetween(start, due.minusNanos(1))).isLessThan(amount);
    }

    @Property
    void noOpenTimeIsDueAtTheStart(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start) {
        assertThat(calendar.plus(start, Duration.ZERO)).isEqualTo(start);
    }

    @Property
    void addingMoreOpenTimeNeverEndsEarlier(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("amountsOrZero") Duration a,
            @ForAll("amountsOrZero") Duration b) {
        Duration smaller = a.compareTo(b) <= 0 ? a : b;
        Duration larger = a.compareTo(b) <= 0 ? b : a;
        assertThat(calendar.plus(start, smaller)).isBeforeOrEqualTo(calendar.plus(start, larger));
    }

    @Property
    void startingLaterNeverEndsEarlier(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b, @ForAll("amountsOrZero") Duration amount) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        assertThat(calendar.plus(earlier, amount)).isBeforeOrEqualTo(calendar.plus(later, amount));
    }

    /** Holds from every start, open or closed, because plus answers the earliest instant. */
    @Property
    void addingInTwoStepsIsAddingTheSum(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("amountsOrZero") Duration a,
            @ForAll("amountsOrZero") Duration b) {
        assertThat(calendar.plus(calendar.plus(start, a), b)).isEqualTo(calendar.plus(start, a.plus(b)));
    }

    @Property
    void openTimeAddsUpOverASplitPoint(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
        Instant[] t = Stream.of(a, b, c).sorted().toArray(Instant[]::new);
        assertThat(calendar.openTimeBetween(t[0], t[1]).plus(calendar.openTimeBetween(t[1], t[2])))
                .isEqualTo(calendar.openTimeBetween(t[0], t[2]));
    }

    @Property
    void openTimeIsNeverMoreThanElapsedTimeAndNothingBackwards(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        Instant from = a.isBefore(b) ? a : b;
        Instant to = a.isBefore(b) ? b : a;
        assertThat(calendar.openTimeBetween(from, to)).isBetween(Duration.ZERO, Duration.between(from, to));
        assertThat(calendar.openTimeBetween(to, from)).isZero();
    }

    /** The day-by-day arithmetic agrees with the slowest possible oracle: asking isOpen minute by minute. */
    @Property(tries = 200)
    void openTimeIsWhatCountingOpenMinutesOneByOneGives(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("amounts") Duration span) {
        Duration shortSpan = Duration.ofMinutes(span.toMinutes() % (3 * 24 * 60));
        long openMinutes = Stream.iterate(start, t -> t.plusSeconds(60)).limit(shortSpan.toMinutes())
                .filter(calendar::isOpen).count();
        assertThat(calendar.openTimeBetween(start, start.plus(shortSpan))).isEqualTo(Duration.ofMinutes(openMinutes));
    }

    @Property
    void theTwentyFourSevenCalendarAddsPlainTime(@ForAll("instants") Instant start,
            @ForAll("amountsOrZero") Duration amount) {
        assertThat(ALWAYS.plus(start, amount)).isEqualTo(start.plus(amount));
        assertThat(ALWAYS.openTimeBetween(start, start.plus(amount))).isEqualTo(amount);
    }
}
