package com.ticketledger.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static com.ticketledger.sla.SlaFixtures.ALWAYS;
import static com.ticketledger.sla.SlaFixtures.BUENOS_AIRES;
import static com.ticketledger.sla.SlaFixtures.OFFICE;
import static com.ticketledger.sla.SlaFixtures.WEEKDAYS;
import static com.ticketledger.sla.SlaFixtures.at;
import static com.ticketledger.sla.SlaFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar cases a desk would argue about (docs/domain.md: Monday to Friday 09:00–18:00, Buenos Aires). */
class BusinessCalendarTest {

    @Test
    void fourOpenHoursFromFridayAt17EndOnMondayAtNoon() {
        // 2026-11-27 is a Friday: one hour on Friday, three on Monday.
        assertThat(OFFICE.plus(local("2026-11-27T17:00"), Duration.ofHours(4))).isEqualTo(local("2026-11-30T12:00"));
    }

    @Test
    void christmasFridayIsSkippedLikeTheWeekend() {
        // Thursday 2026-12-24 at 16:00: two hours that day; Friday the 25th is a holiday, then the weekend.
        assertThat(OFFICE.plus(local("2026-12-24T16:00"), Duration.ofHours(4))).isEqualTo(local("2026-12-28T11:00"));
    }

    @Test
    void countingFromClosedTimeStartsAtTheNextOpening() {
        assertThat(OFFICE.plus(local("2026-11-28T10:00"), Duration.ofHours(1))).as("from Saturday")
                .isEqualTo(local("2026-11-30T10:00"));
        assertThat(OFFICE.plus(local("2026-11-30T07:30"), Duration.ofMinutes(30))).as("from early Monday")
                .isEqualTo(local("2026-11-30T09:30"));
        assertThat(OFFICE.plus(local("2026-11-30T20:00"), Duration.ofHours(9))).as("from Monday evening")
                .isEqualTo(local("2026-12-01T18:00"));
    }

    @Test
    void anAmountThatFillsTheDayIsDueAtClosingTimeNotNextMorning() {
        Instant due = OFFICE.plus(local("2026-11-30T09:00"), Duration.ofHours(9));
        assertThat(due).isEqualTo(local("2026-11-30T18:00"));
        assertThat(OFFICE.isOpen(due)).as("the closing instant itself is closed").isFalse();
        assertThat(OFFICE.plus(due, Duration.ofMinutes(1))).as("one more minute is the next morning")
                .isEqualTo(local("2026-12-01T09:01"));
    }

    @Test
    void noOpenTimeAtAllIsDueAtOnceEvenOnASaturday() {
        assertThat(OFFICE.plus(local("2026-11-28T10:00"), Duration.ZERO)).isEqualTo(local("2026-11-28T10:00"));
    }

    @Test
    void theOpeningInstantIsOpenAndTheClosingInstantIsClosed() {
        assertThat(OFFICE.isOpen(local("2026-11-30T09:00"))).isTrue();
        assertThat(OFFICE.isOpen(local("2026-11-30T18:00").minusNanos(1))).isTrue();
        assertThat(OFFICE.isOpen(local("2026-11-30T18:00"))).isFalse();
        assertThat(OFFICE.isOpen(local("2026-11-30T08:59"))).isFalse();
        assertThat(OFFICE.isOpen(local("2026-11-29T12:00"))).as("Sunday").isFalse();
        assertThat(OFFICE.isOpen(local("2026-12-25T12:00"))).as("Christmas").isFalse();
    }

    @Test
    void openTimeCountsOnlyTheHoursTheDeskIsOpen() {
        assertThat(OFFICE.openTimeBetween(local("2026-11-27T17:00"), local("2026-11-30T12:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(OFFICE.openTimeBetween(local("2026-11-28T00:00"), local("2026-11-30T09:00"))).as("a weekend")
                .isZero();
        assertThat(OFFICE.openTimeBetween(local("2026-12-07T00:00"), local("2026-12-12T00:00")))
                .as("a week with Tuesday the 8th off").isEqualTo(Duration.ofHours(36));
        assertThat(OFFICE.openTimeBetween(local("2026-11-30T12:00"), local("2026-11-30T10:00"))).as("backwards")
                .isZero();
    }

    @Test
    void aYearOfBusinessHoursIsItsWorkingDaysTimesNine() {
        // 2027 has 261 weekdays; 15 of the fixture's holidays fall on one of them.
        assertThat(OFFICE.openTimeBetween(local("2027-01-01T00:00"), local("2028-01-01T00:00")))
                .isEqualTo(Duration.ofHours(246 * 9));
        assertThat(OFFICE.plus(local("2027-01-01T00:00"), Duration.ofHours(246 * 9)))
                .as("the year's last open instant is its last working day's closing")
                .isEqualTo(local("2027-12-23T18:00"));
    }

    @Test
    void twentyFourSevenCountsEveryHourWeekendsAndHolidaysIncluded() {
        assertThat(ALWAYS.plus(local("2026-11-29T03:00"), Duration.ofHours(2))).isEqualTo(local("2026-11-29T05:00"));
        assertThat(ALWAYS.openTimeBetween(local("2026-12-25T00:00"), local("2026-12-27T00:00")))
                .isEqualTo(Duration.ofHours(48));
        assertThat(ALWAYS.isOpen(local("2026-12-25T03:00"))).isTrue();
    }

    @Test
    void aDeskOpenUntilMidnightCountsTheLastHourOfTheDay() {
        BusinessCalendar evenings = BusinessCalendar.weekly(BUENOS_AIRES, WEEKDAYS, LocalTime.of(20, 0),
                LocalTime.MIDNIGHT, Set.of());
        assertThat(evenings.plus(local("2026-11-30T22:00"), Duration.ofHours(3))).isEqualTo(local("2026-12-01T21:00"));
        assertThat(evenings.isOpen(local("2026-12-01T00:00").minusNanos(1))).isTrue();
        assertThat(evenings.isOpen(local("2026-12-01T00:00"))).isFalse();
        assertThat(evenings.openTimeBetween(local("2026-11-30T00:00"), local("2026-12-07T00:00")))
                .isEqualTo(Duration.ofHours(20));
    }

    @Test
    void officeHoursInMadridDoNotNoticeTheNightTheClocksGoForward() {
        // Summer time starts on Sunday 2026-03-29 at 02:00, between Friday's and Monday's office hours.
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        BusinessCalendar office = BusinessCalendar.weekly(madrid, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0),
                Set.of());
        Instant friday = at(madrid, "2026-03-27T17:00");
        assertThat(office.plus(friday, Duration.ofHours(4))).isEqualTo(at(madrid, "2026-03-30T12:00"));
    }

    @Test
    void aDayOpenAroundTheClockIsAsLongAsTheWallClockMakesIt() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        BusinessCalendar allDay = BusinessCalendar.weekly(madrid, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, Set.of());
        Instant springSunday = at(madrid, "2026-03-29T00:00");
        Instant autumnSunday = at(madrid, "2026-10-25T00:00");
        assertThat(allDay.openTimeBetween(springSunday, at(madrid, "2026-03-30T00:00"))).as("23 hours")
                .isEqualTo(Duration.ofHours(23));
        assertThat(allDay.openTimeBetween(autumnSunday, at(madrid, "2026-10-26T00:00"))).as("25 hours")
                .isEqualTo(Duration.ofHours(25));
        // From Saturday noon, 24 open hours end on Sunday at 13:00 on the wall: the night lost an hour.
        assertThat(allDay.plus(at(madrid, "2026-03-28T12:00"), Duration.ofHours(24)))
                .isEqualTo(at(madrid, "2026-03-29T13:00"));
    }

    @Test
    void hoursInsideADaylightSavingGapOpenWhenTheClocksAllowIt() {
        // Every day 02:30–03:30 in Madrid: on 2026-03-29 02:30 does not exist and opens at 03:30, so the day
        // is empty; on 2026-10-25 02:30 happens twice, opening at the first one, so the day has two hours.
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        BusinessCalendar smallHours = BusinessCalendar.weekly(madrid, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(2, 30), LocalTime.of(3, 30), Set.of());
        Instant spring = at(madrid, "2026-03-29T00:00");
        Instant autumn = at(madrid, "2026-10-25T00:00");
        assertThat(smallHours.openTimeBetween(spring, spring.plus(Duration.ofHours(12)))).isZero();
        assertThat(smallHours.openTimeBetween(autumn, autumn.plus(Duration.ofHours(12))))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aSantiagoEveningGetsAnExtraHourWhenTheClocksGoBackAtMidnight() {
        // Chile leaves summer time at the end of Saturday 2026-04-04: 24:00 becomes 23:00 again.
        ZoneId santiago = ZoneId.of("America/Santiago");
        BusinessCalendar evenings = BusinessCalendar.weekly(santiago, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(20, 0), LocalTime.MIDNIGHT, Set.of());
        Instant saturday = at(santiago, "2026-04-04T12:00");
        assertThat(evenings.openTimeBetween(saturday, saturday.plus(Duration.ofHours(24))))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aDateTheZoneSkippedHasNoHoursAndTheNextDayIsCountedOnce() {
        // Samoa moved across the date line: in Pacific/Apia, 2011-12-30 never happened.
        ZoneId apia = ZoneId.of("Pacific/Apia");
        BusinessCalendar everyDay = BusinessCalendar.weekly(apia, EnumSet.allOf(DayOfWeek.class), LocalTime.of(10, 0),
                LocalTime.of(18, 0), Set.of());
        Instant thursday = at(apia, "2011-12-29T00:00");
        Instant sunday = at(apia, "2012-01-01T00:00");
        assertThat(everyDay.openTimeBetween(thursday, sunday)).as("Thursday and Saturday")
                .isEqualTo(Duration.ofHours(16));
        assertThat(everyDay.plus(thursday, Duration.ofHours(12))).isEqualTo(at(apia, "2011-12-31T14:00"));
    }

    @Test
    void hoursWhoseClosingTimeFallsInAGapAcrossMidnightEndOnTheNextDate() {
        // Toronto, 1919-03-30: at 23:30 the clocks jumped to 00:30 on the 31st, so a desk closing at 23:45
        // closed at 00:45 on the 31st; the instants just after midnight belong to the 30th's hours.
        ZoneId toronto = ZoneId.of("America/Toronto");
        BusinessCalendar lateDesk = BusinessCalendar.weekly(toronto, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(20, 0), LocalTime.of(23, 45), Set.of());
        Instant afterMidnight = at(toronto, "1919-03-31T00:35");
        assertThat(lateDesk.isOpen(afterMidnight)).isTrue();
        assertThat(lateDesk.plus(afterMidnight, Duration.ofMinutes(10))).isEqualTo(at(toronto, "1919-03-31T00:45"));
    }

    @Test
    void aCalendarThatCouldNeverOpenIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.weekly(BUENOS_AIRES, Set.of(), LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of())).hasMessageContaining("at least one working day");
        assertThatThrownBy(() -> BusinessCalendar.weekly(BUENOS_AIRES, WEEKDAYS, LocalTime.of(18, 0),
                LocalTime.of(9, 0), Set.of())).hasMessageContaining("open before it closes");
        assertThatThrownBy(() -> BusinessCalendar.weekly(null, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0),
                Set.of())).hasMessageContaining("time zone");
    }

    @Test
    void aNegativeAmountOfOpenTimeIsRefused() {
        assertThatThrownBy(() -> OFFICE.plus(local("2026-11-30T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
