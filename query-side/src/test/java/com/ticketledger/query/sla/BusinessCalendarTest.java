package com.ticketledger.query.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar cases a desk would argue about (DOMAIN.md: Monday to Friday 09:00–18:00, Buenos Aires). */
class BusinessCalendarTest {

    static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 8));
    static final BusinessCalendar OFFICE = BusinessCalendar.weekly(BUENOS_AIRES,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), HOLIDAYS);

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BUENOS_AIRES).toInstant();
    }

    @Test
    void fourHoursFromFridayAtFivePmIsMondayAtNoon() {
        // 2026-11-27 is a Friday: one hour on Friday, three on Monday.
        assertThat(OFFICE.plus(local("2026-11-27T17:00"), Duration.ofHours(4))).isEqualTo(local("2026-11-30T12:00"));
    }

    @Test
    void holidayIsSkipped() {
        // Thursday 2026-12-24 at 16:00: two hours that day, Friday the 25th is a holiday, the weekend too.
        assertThat(OFFICE.plus(local("2026-12-24T16:00"), Duration.ofHours(4))).isEqualTo(local("2026-12-28T11:00"));
    }

    @Test
    void countingFromAClosedInstantStartsAtTheNextOpening() {
        assertThat(OFFICE.plus(local("2026-11-28T10:00"), Duration.ofHours(1))).isEqualTo(local("2026-11-30T10:00"));
        assertThat(OFFICE.plus(local("2026-11-30T07:30"), Duration.ofMinutes(30))).isEqualTo(local("2026-11-30T09:30"));
        assertThat(OFFICE.plus(local("2026-11-30T20:00"), Duration.ofHours(9))).isEqualTo(local("2026-12-01T18:00"));
    }

    @Test
    void amountEndingAtClosingTimeIsDueAtClosingTime() {
        assertThat(OFFICE.plus(local("2026-11-30T09:00"), Duration.ofHours(9))).isEqualTo(local("2026-11-30T18:00"));
    }

    @Test
    void openTimeBetweenCountsOnlyOpenHours() {
        assertThat(OFFICE.openTimeBetween(local("2026-11-27T17:00"), local("2026-11-30T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(OFFICE.openTimeBetween(local("2026-11-28T00:00"), local("2026-11-29T23:59"))).isZero();
        assertThat(OFFICE.openTimeBetween(local("2026-12-07T00:00"), local("2026-12-12T00:00")))
                .as("a week with the 8th off").isEqualTo(Duration.ofHours(36));
    }

    @Test
    void isOpenOnlyOnWorkingDaysBetweenOpeningAndClosing() {
        assertThat(OFFICE.isOpen(local("2026-11-30T09:00"))).isTrue();
        assertThat(OFFICE.isOpen(local("2026-11-30T17:59"))).isTrue();
        assertThat(OFFICE.isOpen(local("2026-11-30T18:00"))).isFalse();
        assertThat(OFFICE.isOpen(local("2026-11-30T08:59"))).isFalse();
        assertThat(OFFICE.isOpen(local("2026-11-29T12:00"))).as("Sunday").isFalse();
        assertThat(OFFICE.isOpen(local("2026-12-25T12:00"))).as("Christmas").isFalse();
    }

    @Test
    void twentyFourSevenCountsEveryHour() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(BUENOS_AIRES);
        assertThat(always.plus(local("2026-11-29T03:00"), Duration.ofHours(2))).isEqualTo(local("2026-11-29T05:00"));
        assertThat(always.openTimeBetween(local("2026-11-28T00:00"), local("2026-11-29T00:00")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void calendarThatNeverOpensIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.weekly(BUENOS_AIRES, Set.of(), LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of())).hasMessageContaining("working day");
        assertThatThrownBy(() -> BusinessCalendar.weekly(BUENOS_AIRES, Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0),
                LocalTime.of(9, 0), Set.of())).hasMessageContaining("open before it closes");
    }
}
