package com.ticketledger.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static com.ticketledger.sla.SlaFixtures.ALWAYS;
import static com.ticketledger.sla.SlaFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A target as the desk writes it: a whole number and its unit, days being the calendar's business days. */
class SlaTargetTest {

    @Test
    void aTargetIsReadWithItsUnit() {
        assertThat(SlaTarget.valueOf("4h")).isEqualTo(SlaTarget.hours(4));
        assertThat(SlaTarget.valueOf("15d")).isEqualTo(SlaTarget.days(15));
        assertThat(SlaTarget.valueOf(" 30M ")).isEqualTo(new SlaTarget(30, SlaTarget.Unit.MINUTES));
        assertThat(SlaTarget.valueOf("20s")).isEqualTo(new SlaTarget(20, SlaTarget.Unit.SECONDS));
        assertThat(SlaTarget.days(5)).hasToString("5d");
    }

    @Test
    void aNumberWithoutItsUnitOrWithAnUnknownOneIsRefused() {
        for (String written : new String[] {"24", "2w", "PT2H", "1.5d", "-1h", "d", "", "1h30m"}) {
            assertThatThrownBy(() -> SlaTarget.valueOf(written)).as(written)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("h (hours of open time) or d (business days)");
        }
        assertThatThrownBy(() -> SlaTarget.valueOf(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursAreHoursOfOpenTimeOnAnyCalendar() {
        assertThat(SlaTarget.hours(24).openTime(OFFICE)).isEqualTo(Duration.ofHours(24));
        assertThat(SlaTarget.hours(24).openTime(ALWAYS)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aBusinessDayIsTheDesksDailyOpenTimeAndADayOfTheClockOnTwentyFourSeven() {
        assertThat(SlaTarget.days(1).openTime(OFFICE)).as("09:00-18:00").isEqualTo(Duration.ofHours(9));
        assertThat(SlaTarget.days(5).openTime(OFFICE)).isEqualTo(Duration.ofHours(45));
        assertThat(SlaTarget.days(2).openTime(ALWAYS)).isEqualTo(Duration.ofHours(48));
        BusinessCalendar evenings = BusinessCalendar.weekly(ZoneId.of("America/Santiago"),
                EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(20, 0), LocalTime.MIDNIGHT, Set.of());
        assertThat(SlaTarget.days(1).openTime(evenings)).as("open until midnight").isEqualTo(Duration.ofHours(4));
    }
}
