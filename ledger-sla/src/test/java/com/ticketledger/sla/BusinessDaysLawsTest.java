package com.ticketledger.sla;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static com.ticketledger.sla.SlaFixtures.ALWAYS;
import static com.ticketledger.sla.SlaFixtures.BUENOS_AIRES;
import static com.ticketledger.sla.SlaFixtures.HOLIDAYS;
import static com.ticketledger.sla.SlaFixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of a target written in days (docs/domain.md, "Targets per priority"), on the desk's office calendar with
 * its holidays and on the 24x7 one: N business days end at the same time of day N working days later, or at the
 * closing of the N-th working day when the count starts at an opening.
 */
class BusinessDaysLawsTest {

    @Provide
    Arbitrary<Instant> instants() {
        return SlaArbitraries.instants();
    }

    private static Instant due(BusinessCalendar calendar, Instant start, int days) {
        return calendar.plus(start, SlaTarget.days(days).openTime(calendar));
    }

    @Property
    void nBusinessDaysEndOnTheNthWorkingDayAtTheSameOpenTimeOffset(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        // Where the count starts: the start itself if the desk is open, else the next opening.
        Instant counting = OFFICE.plus(start, Duration.ofNanos(1)).minusNanos(1);
        ZonedDateTime from = counting.atZone(BUENOS_AIRES);
        ZonedDateTime due = due(OFFICE, start, days).atZone(BUENOS_AIRES);
        if (from.toLocalTime().equals(LocalTime.of(9, 0))) {
            // A count from an opening fills whole days: due at the closing of the N-th working day, that one included.
            assertThat(due.toLocalDate()).isEqualTo(workingDayAfter(from.toLocalDate(), days - 1));
            assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        } else {
            assertThat(due.toLocalDate()).isEqualTo(workingDayAfter(from.toLocalDate(), days));
            assertThat(due.toLocalTime()).isEqualTo(from.toLocalTime());
        }
    }

    @Property
    void moreBusinessDaysAreAlwaysDueLater(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 30) int days, @ForAll @IntRange(min = 1, max = 30) int more) {
        assertThat(due(OFFICE, start, days + more)).isAfter(due(OFFICE, start, days));
        assertThat(due(ALWAYS, start, days + more)).isAfter(due(ALWAYS, start, days));
    }

    @Property
    void businessDaysAddUp(@ForAll("instants") Instant start, @ForAll @IntRange(min = 1, max = 20) int days,
            @ForAll @IntRange(min = 1, max = 20) int more) {
        assertThat(due(OFFICE, due(OFFICE, start, days), more)).isEqualTo(due(OFFICE, start, days + more));
    }

    @Property
    void onTwentyFourSevenADayIsTwentyFourHours(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 30) int days) {
        assertThat(due(ALWAYS, start, days)).isEqualTo(start.plus(Duration.ofHours(24L * days)));
    }

    /** The working day {@code n} working days after {@code day} ({@code day} itself for 0). */
    private static LocalDate workingDayAfter(LocalDate day, int n) {
        LocalDate current = day;
        for (int left = n; left > 0; ) {
            current = current.plusDays(1);
            if (current.getDayOfWeek() != DayOfWeek.SATURDAY && current.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !HOLIDAYS.contains(current)) {
                left--;
            }
        }
        return current;
    }
}
