package com.ticketledger.query.policy;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyTerms;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A policy version's holiday lists run out when a weekly calendar has none in the current year or the next. */
class HolidayCheckTest {

    static SlaPolicyTerms.Calendar weekly(String zone, List<LocalDate> holidays) {
        return new SlaPolicyTerms.Calendar(zone, false, List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0), holidays);
    }

    static SlaPolicyTerms terms(Map<String, SlaPolicyTerms.Calendar> calendars) {
        Map<Priority, SlaPolicyTerms.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new SlaPolicyTerms.Targets("4h", null, "2d", "1d", calendars.keySet().iterator().next()));
        }
        return new SlaPolicyTerms(calendars.keySet().iterator().next(), calendars, targets, "5d", Duration.ofDays(30), 80);
    }

    static final Instant MID_2026 = Instant.parse("2026-06-15T12:00:00Z");

    @Test
    void aCalendarWithHolidaysThisYearAndNextHasNotRunOut() {
        SlaPolicyTerms terms = terms(Map.of("office", weekly("UTC",
                List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)))));
        assertThat(HolidayCheck.runOut(terms, MID_2026)).isEmpty();
    }

    @Test
    void aCalendarWhoseListEndsThisYearHasRunOutForTheNext() {
        SlaPolicyTerms terms = terms(Map.of("office", weekly("UTC", List.of(LocalDate.of(2026, 12, 25)))));
        assertThat(HolidayCheck.runOut(terms, MID_2026)).containsExactly("office has no holiday in 2027");
    }

    @Test
    void aTwentyFourSevenCalendarNeedsNoHolidays() {
        SlaPolicyTerms terms = terms(Map.of("always",
                new SlaPolicyTerms.Calendar("UTC", true, null, null, null, null)));
        assertThat(HolidayCheck.runOut(terms, MID_2026)).isEmpty();
    }

    @Test
    void eachCalendarIsJudgedInTheYearOfItsOwnZone() {
        // 31 December 2026 at 12:00 UTC is already 1 January 2027 in Auckland
        Instant newYearsEve = Instant.parse("2026-12-31T12:00:00Z");
        List<LocalDate> twentySixAndSeven = List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
        Map<String, SlaPolicyTerms.Calendar> calendars = new TreeMap<>();
        calendars.put("auckland", weekly("Pacific/Auckland", twentySixAndSeven));
        calendars.put("london", weekly("Europe/London", twentySixAndSeven));
        assertThat(HolidayCheck.runOut(terms(calendars), newYearsEve))
                .containsExactly("auckland has no holiday in 2028");
    }

    @Provide
    Arbitrary<List<LocalDate>> holidays() {
        return Arbitraries.integers().between(2024, 2030)
                .flatMap(year -> Arbitraries.integers().between(1, 365).map(day -> LocalDate.ofYearDay(year, day)))
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2028-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Property
    void runsOutExactlyWhenTheCurrentOrNextYearHasNoHoliday(@ForAll("holidays") List<LocalDate> holidays,
            @ForAll("instants") Instant now) {
        SlaPolicyTerms terms = terms(Map.of("office", weekly("America/Argentina/Buenos_Aires", holidays)));
        int year = LocalDate.ofInstant(now, ZoneId.of("America/Argentina/Buenos_Aires")).getYear();
        boolean covered = holidays.stream().anyMatch(day -> day.getYear() == year)
                && holidays.stream().anyMatch(day -> day.getYear() == year + 1);
        assertThat(HolidayCheck.runOut(terms, now).isEmpty()).isEqualTo(covered);
    }
}
