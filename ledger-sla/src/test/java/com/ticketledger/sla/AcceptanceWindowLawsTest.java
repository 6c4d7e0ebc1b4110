package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;

import static com.ticketledger.sla.SlaFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The automatic acceptance of a ticket left pending closure (docs/domain.md, "Automatic acceptance"): accepted once
 * the acceptance period of its calendar's open time has passed, its client warned one business day earlier, never
 * before the pending closure itself.
 */
class AcceptanceWindowLawsTest {

    static final SlaPolicy POLICY = SlaFixtures.domainPolicy();

    @Provide
    Arbitrary<Instant> instants() {
        return SlaArbitraries.instants();
    }

    /** Periods as a desk writes them: whole business days mostly, hours and minutes too. */
    @Provide
    Arbitrary<SlaTarget> periods() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 20).map(SlaTarget::days),
                Arbitraries.longs().between(1, 60).map(SlaTarget::hours),
                Arbitraries.longs().between(1, 600).map(minutes -> new SlaTarget(minutes, SlaTarget.Unit.MINUTES)));
    }

    static Duration businessDay(Priority priority) {
        return (priority == Priority.CRITICAL ? SlaFixtures.ALWAYS : SlaFixtures.OFFICE).businessDay();
    }

    static Duration openTime(Priority priority, SlaTarget period) {
        return period.openTime(priority == Priority.CRITICAL ? SlaFixtures.ALWAYS : SlaFixtures.OFFICE);
    }

    @Property
    void theLedgerAcceptsAfterExactlyThePeriodsOpenTime(@ForAll Priority priority, @ForAll("instants") Instant pending,
            @ForAll("periods") SlaTarget period) {
        AcceptanceWindow window = POLICY.acceptanceWindow(priority, pending, period);

        assertThat(window.acceptAt()).isAfter(pending);
        assertThat(POLICY.consumed(priority, pending, window.acceptAt())).isEqualTo(openTime(priority, period));
    }

    @Property
    void theWarningComesOneBusinessDayBeforeWhenThePeriodAllowsIt(@ForAll Priority priority,
            @ForAll("instants") Instant pending, @ForAll("periods") SlaTarget period) {
        AcceptanceWindow window = POLICY.acceptanceWindow(priority, pending, period);
        Duration day = businessDay(priority);

        assertThat(window.warningAt()).isAfterOrEqualTo(pending).isBeforeOrEqualTo(window.acceptAt());
        if (openTime(priority, period).compareTo(day) >= 0) {
            assertThat(POLICY.consumed(priority, window.warningAt(), window.acceptAt())).isEqualTo(day);
        } else {
            assertThat(window.warningAt()).isEqualTo(pending);
        }
    }

    @Property
    void aLongerPeriodNeverAcceptsEarlier(@ForAll Priority priority, @ForAll("instants") Instant pending,
            @ForAll("periods") SlaTarget period) {
        SlaTarget longer = new SlaTarget(period.amount() + 1, period.unit());
        assertThat(POLICY.acceptanceWindow(priority, pending, longer).acceptAt())
                .isAfter(POLICY.acceptanceWindow(priority, pending, period).acceptAt());
    }

    @Example
    void fiveBusinessDaysFromATuesdayNoonEndTheNextTuesdayAtNoon() {
        AcceptanceWindow window = POLICY.acceptanceWindow(Priority.HIGH, local("2026-11-24T12:00"),
                SlaTarget.days(5));

        assertThat(window).isEqualTo(new AcceptanceWindow(local("2026-11-30T12:00"), local("2026-12-01T12:00")));
    }

    @Example
    void holidaysAndTheWeekendDoNotCount() {
        // Friday 2026-12-04 at 17:00: its last hour, then Monday, Wednesday (Tuesday the 8th is a holiday), Thursday
        // and Friday whole, and eight hours of the next Monday: 1 + 4 × 9 + 8 = 45 business hours.
        AcceptanceWindow window = POLICY.acceptanceWindow(Priority.MEDIUM, local("2026-12-04T17:00"),
                SlaTarget.days(5));

        assertThat(window).isEqualTo(new AcceptanceWindow(local("2026-12-11T17:00"), local("2026-12-14T17:00")));
    }

    @Example
    void pendingClosureWhileTheDeskIsClosedCountsFromItsNextOpening() {
        // Saturday: the count starts on Monday at 09:00, so five business days end on Friday at 18:00.
        AcceptanceWindow window = POLICY.acceptanceWindow(Priority.LOW, local("2026-11-28T11:00"),
                SlaTarget.days(5));

        assertThat(window).isEqualTo(new AcceptanceWindow(local("2026-12-03T18:00"), local("2026-12-04T18:00")));
    }

    @Example
    void aCriticalTicketCountsEveryDay() {
        AcceptanceWindow window = POLICY.acceptanceWindow(Priority.CRITICAL, local("2026-11-28T11:00"),
                SlaTarget.days(5));

        assertThat(window).isEqualTo(new AcceptanceWindow(local("2026-12-02T11:00"), local("2026-12-03T11:00")));
    }

    @Example
    void aPeriodShorterThanABusinessDayWarnsAtOnce() {
        AcceptanceWindow window = POLICY.acceptanceWindow(Priority.HIGH, local("2026-11-24T17:00"),
                SlaTarget.hours(2));

        assertThat(window).isEqualTo(new AcceptanceWindow(local("2026-11-24T17:00"), local("2026-11-25T10:00")));
    }

    @Example
    void refusesAPeriodOfNothing() {
        assertThatThrownBy(() -> POLICY.acceptanceWindow(Priority.HIGH, local("2026-11-24T17:00"),
                SlaTarget.hours(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive amount");
    }
}
