package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.Visibility;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;

import static com.ticketledger.sla.SlaFixtures.BUENOS_AIRES;
import static com.ticketledger.sla.SlaFixtures.businessHours;
import static com.ticketledger.sla.SlaFixtures.domainPolicy;
import static com.ticketledger.sla.SlaFixtures.domainTargets;
import static com.ticketledger.sla.SlaFixtures.local;
import static com.ticketledger.sla.SlaFixtures.properties;
import static com.ticketledger.sla.SlaFixtures.target;
import static com.ticketledger.sla.SlaFixtures.twentyFourSeven;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/domain.md's default policy, and the cases a desk argues about. */
class SlaPolicyTest {

    final SlaPolicy policy = domainPolicy();

    // --- Targets on the calendar ---------------------------------------------------------------------------

    @Test
    void highTicketOpenedFridayAt17IsDueForResponseMondayAtNoon() {
        Deadlines response = policy.responseDeadlines(Priority.HIGH, local("2026-11-27T17:00"));
        assertThat(response.dueAt()).isEqualTo(local("2026-11-30T12:00"));
        // 80 % of 4 h is 3 h 12 min: one hour on Friday, 2 h 12 min on Monday.
        assertThat(response.atRiskAt()).isEqualTo(local("2026-11-30T11:12"));
    }

    @Test
    void highTicketOpenedTheAfternoonBeforeChristmasIsDueOnMonday() {
        // Thursday 2026-12-24 16:00: two hours that day, Christmas Friday and the weekend do not count.
        Deadlines response = policy.responseDeadlines(Priority.HIGH, local("2026-12-24T16:00"));
        assertThat(response.dueAt()).isEqualTo(local("2026-12-28T11:00"));
        assertThat(response.atRiskAt()).isEqualTo(local("2026-12-28T10:12"));
    }

    @Test
    void highTicketOpenedOnChristmasDayWaitsForMondayMorning() {
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-12-25T10:00")).dueAt())
                .isEqualTo(local("2026-12-28T13:00"));
    }

    @Test
    void criticalTicketOpenedOnSundayIsDueTwoHoursLater() {
        Deadlines response = policy.responseDeadlines(Priority.CRITICAL, local("2026-11-29T03:00"));
        assertThat(response.dueAt()).isEqualTo(local("2026-11-29T05:00"));
        assertThat(response.atRiskAt()).isEqualTo(local("2026-11-29T04:36"));
        Deadlines resolution = policy.resolutionDeadlines(Priority.CRITICAL, local("2026-11-29T03:00"), Duration.ZERO);
        assertThat(resolution.dueAt()).isEqualTo(local("2026-11-29T11:00"));
        assertThat(resolution.atRiskAt()).isEqualTo(local("2026-11-29T09:24"));
    }

    @Test
    void criticalTicketOpenedOnChristmasDayCountsTheHoliday() {
        assertThat(policy.responseDeadlines(Priority.CRITICAL, local("2026-12-25T10:00")).dueAt())
                .isEqualTo(local("2026-12-25T12:00"));
    }

    @Test
    void mediumTicketHasFiveBusinessDaysToResolveAndTheHolidayOnTheEighthDoesNotCount() {
        // Wednesday 2026-12-02 10:00. 45 open hours: 8 + 9 + 9 + 9 (Mon 7th), Tue 8th off, 9 (Wed 9th), 1 (Thu).
        Deadlines resolution = policy.resolutionDeadlines(Priority.MEDIUM, local("2026-12-02T10:00"), Duration.ZERO);
        assertThat(resolution.dueAt()).isEqualTo(local("2026-12-10T10:00"));
        // One business day to respond: the same time on the next working day.
        assertThat(policy.responseDeadlines(Priority.MEDIUM, local("2026-12-02T10:00")).dueAt())
                .isEqualTo(local("2026-12-03T10:00"));
    }

    @Test
    void lowTicketHasFourBusinessDaysToRespondAndFifteenToResolve() {
        Instant monday = local("2027-03-01T09:00");
        assertThat(policy.responseDeadlines(Priority.LOW, monday).dueAt()).isEqualTo(local("2027-03-04T18:00"));
        Deadlines resolution = policy.resolutionDeadlines(Priority.LOW, monday, Duration.ZERO);
        assertThat(resolution.dueAt()).as("three working weeks").isEqualTo(local("2027-03-19T18:00"));
        assertThat(resolution.atRiskAt()).as("twelve working days").isEqualTo(local("2027-03-16T18:00"));
    }

    // --- Out of hours --------------------------------------------------------------------------------------

    @Test
    void highTicketOpenedOutOfHoursGetsTheOutOfHoursResponseTarget() {
        SlaPolicy outOfHours = withOutOfHoursResponse(Priority.HIGH, SlaTarget.hours(8));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T20:00")).dueAt())
                .as("Friday evening: 8 open hours from Monday 09:00").isEqualTo(local("2026-11-30T17:00"));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-28T11:00")).dueAt())
                .as("Saturday").isEqualTo(local("2026-11-30T17:00"));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T18:00")).dueAt())
                .as("at closing time exactly").isEqualTo(local("2026-11-30T17:00"));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T10:00")).dueAt())
                .as("in hours: 4 open hours").isEqualTo(local("2026-11-27T14:00"));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-30T09:00")).dueAt())
                .as("at opening time exactly").isEqualTo(local("2026-11-30T13:00"));
    }

    @Test
    void anOutOfHoursResponseInDaysIsABusinessDayFromTheNextOpening() {
        SlaPolicy outOfHours = withOutOfHoursResponse(Priority.HIGH, SlaTarget.days(1));
        Deadlines response = outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T20:00"));
        assertThat(response.dueAt()).as("Friday evening: Monday's whole business day").isEqualTo(local("2026-11-30T18:00"));
        assertThat(response.atRiskAt()).as("80 % of 9 h").isEqualTo(local("2026-11-30T16:12"));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T10:00")).dueAt())
                .as("in hours: the usual 4 h").isEqualTo(local("2026-11-27T14:00"));
    }

    @Test
    void criticalTicketOpenedOnAHolidayGetsItsOutOfHoursTargetOnTheTwentyFourSevenClock() {
        SlaPolicy outOfHours = withOutOfHoursResponse(Priority.CRITICAL, SlaTarget.hours(4));
        assertThat(outOfHours.responseDeadlines(Priority.CRITICAL, local("2026-12-25T10:00")).dueAt())
                .isEqualTo(local("2026-12-25T14:00"));
        assertThat(outOfHours.responseDeadlines(Priority.CRITICAL, local("2026-11-29T03:00")).dueAt())
                .as("Sunday night").isEqualTo(local("2026-11-29T07:00"));
        assertThat(outOfHours.responseDeadlines(Priority.CRITICAL, local("2026-11-30T10:00")).dueAt())
                .as("Monday in hours: 2 h").isEqualTo(local("2026-11-30T12:00"));
    }

    @Test
    void withoutAnOutOfHoursTargetATicketOpenedOutOfHoursHasTheUsualResponseTarget() {
        assertThat(policy.openedOutOfHours(local("2026-11-27T20:00"))).isTrue();
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-11-27T20:00")).dueAt())
                .isEqualTo(local("2026-11-30T13:00"));
    }

    @Test
    void theOfficeCalendarDecidesWhatOutOfHoursMeans() {
        // The front desk takes calls until 20:00, though engineers' hours end at 18:00.
        SlaProperties.CalendarProperties frontDesk = new SlaProperties.CalendarProperties(BUENOS_AIRES, false,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(20, 0),
                SlaFixtures.HOLIDAYS);
        Map<Priority, SlaProperties.TargetProperties> targets = domainTargets();
        targets.put(Priority.HIGH, new SlaProperties.TargetProperties(SlaTarget.hours(4), SlaTarget.hours(8),
                SlaTarget.days(1), SlaTarget.hours(4), "business-hours"));
        SlaPolicy policy = new SlaPolicy(new SlaProperties("front-desk", Map.of("business-hours", businessHours(),
                "always", twentyFourSeven(), "front-desk", frontDesk), targets));
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-11-27T19:00")).dueAt())
                .as("opened while the front desk is open: the usual 4 h, counted in business hours")
                .isEqualTo(local("2026-11-30T13:00"));
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-11-27T21:00")).dueAt())
                .as("opened after the front desk closed").isEqualTo(local("2026-11-30T17:00"));
    }

    // --- Pending closure and reopening -----------------------------------------------------------------------

    @Test
    void timeSpentPendingClosureIsNotCounted() {
        Instant opened = local("2026-11-30T09:00");
        Instant pending = local("2026-11-30T13:00");
        Duration consumed = policy.consumed(Priority.HIGH, opened, pending);
        assertThat(consumed).isEqualTo(Duration.ofHours(4));
        // Reopened on Wednesday at 09:00: 5 of the business day's 9 open hours remain.
        Deadlines resumed = policy.resolutionDeadlines(Priority.HIGH, local("2026-12-02T09:00"), consumed);
        assertThat(resumed.dueAt()).isEqualTo(local("2026-12-02T14:00"));
        // At risk once 7 h 12 min are used: 3 h 12 min after reopening.
        assertThat(resumed.atRiskAt()).isEqualTo(local("2026-12-02T12:12"));
        assertThat(policy.resolutionDeadlines(Priority.HIGH, opened, Duration.ZERO).dueAt())
                .as("had it never paused").isEqualTo(local("2026-11-30T18:00"));
    }

    @Test
    void aTicketReopenedWithMoreThanEightyPercentUsedIsAtRiskAtOnce() {
        Instant reopened = local("2026-12-02T10:00");
        Deadlines resumed = policy.resolutionDeadlines(Priority.HIGH, reopened, Duration.ofHours(8));
        assertThat(resumed.atRiskAt()).isEqualTo(reopened);
        assertThat(resumed.dueAt()).isEqualTo(local("2026-12-02T11:00"));
        assertThat(SlaPolicy.state(resumed, null, null, reopened)).isEqualTo(SlaState.AT_RISK);
    }

    @Test
    void aTicketReopenedWithItsTargetUsedUpIsBreachedRightAway() {
        Instant reopened = local("2026-12-02T10:00");
        Deadlines resumed = policy.resolutionDeadlines(Priority.HIGH, reopened, Duration.ofHours(30));
        assertThat(resumed.dueAt()).isEqualTo(reopened);
        assertThat(SlaPolicy.state(resumed, null, null, reopened.plusNanos(1))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aTicketReopenedOnSaturdayResumesItsClockOnMonday() {
        Deadlines resumed = policy.resolutionDeadlines(Priority.HIGH, local("2026-11-28T11:00"), Duration.ofHours(7));
        assertThat(resumed.dueAt()).isEqualTo(local("2026-11-30T11:00"));
    }

    // --- State at the time of reading ---------------------------------------------------------------------

    final Deadlines mondayNoon = new Deadlines(local("2026-11-30T11:12"), local("2026-11-30T12:00"));

    @Test
    void aRunningTargetIsRunningBeforeEightyPercent() {
        assertThat(SlaPolicy.state(mondayNoon, null, null, local("2026-11-30T11:11"))).isEqualTo(SlaState.RUNNING);
    }

    @Test
    void aRunningTargetIsAtRiskFromEightyPercentUpToAndIncludingTheDueInstant() {
        assertThat(SlaPolicy.state(mondayNoon, null, null, local("2026-11-30T11:12"))).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaPolicy.state(mondayNoon, null, null, local("2026-11-30T12:00"))).isEqualTo(SlaState.AT_RISK);
    }

    @Test
    void aRunningTargetIsBreachedStrictlyAfterTheDueInstant() {
        assertThat(SlaPolicy.state(mondayNoon, null, null, local("2026-11-30T12:00").plusNanos(1)))
                .isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aTicketBreachesWithNothingHappeningToItEvenWhileTheDeskIsClosed() {
        // HIGH opened Friday at 14:00 is due at Friday's closing; nobody answers; it is Saturday.
        Deadlines response = policy.responseDeadlines(Priority.HIGH, local("2026-11-27T14:00"));
        assertThat(response.dueAt()).isEqualTo(local("2026-11-27T18:00"));
        assertThat(SlaPolicy.state(response, null, null, local("2026-11-28T10:00"))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aResponseAtTheDueInstantIsMetAndAMinuteLaterIsBreached() {
        Instant longAfter = local("2027-06-01T00:00");
        assertThat(SlaPolicy.state(mondayNoon, local("2026-11-30T12:00"), null, longAfter)).isEqualTo(SlaState.MET);
        assertThat(SlaPolicy.state(mondayNoon, local("2026-11-30T12:01"), null, longAfter))
                .isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aTicketPendingClosureIsPausedHoweverLongTheClientTakes() {
        assertThat(SlaPolicy.state(mondayNoon, null, local("2026-11-30T11:30"), local("2027-06-01T00:00")))
                .isEqualTo(SlaState.PAUSED);
    }

    @Test
    void aTicketThatWentPendingClosureAfterItWasDueStaysBreached() {
        assertThat(SlaPolicy.state(mondayNoon, null, local("2026-11-30T12:30"), local("2026-11-30T12:31")))
                .isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aCompletedTargetIsJudgedByItsCompletionNotByAPause() {
        assertThat(SlaPolicy.state(mondayNoon, local("2026-11-30T11:00"), local("2026-11-30T12:30"),
                local("2026-11-30T13:00"))).isEqualTo(SlaState.MET);
    }

    // --- A policy that does not add up is refused at start ----------------------------------------------------

    @Test
    void aQuerySideStartedWithoutAnyPolicyRefusesToStartAndSaysWhatIsMissing() {
        // What binding gives when no ledger.sla.* is set at all: only the office calendar's default name.
        assertThatThrownBy(() -> new SlaPolicy(new SlaProperties("business-hours", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.sla.calendars: no calendar is configured")
                .hasMessageContaining("ledger.sla.office-calendar names no calendar: business-hours")
                .hasMessageContaining("ledger.sla.priorities.CRITICAL is not configured");
        assertThatThrownBy(() -> new SlaPolicy(new SlaProperties("business-hours", Map.of(), domainTargets())))
                .hasMessageContaining("ledger.sla.calendars: no calendar is configured");
    }

    @Test
    void aPolicyMissingPrioritiesIsRefusedNamingEachOne() {
        Map<Priority, SlaProperties.TargetProperties> targets = domainTargets();
        targets.remove(Priority.CRITICAL);
        targets.remove(Priority.LOW);
        assertThatThrownBy(() -> new SlaPolicy(properties(targets)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.sla.priorities.CRITICAL is not configured")
                .hasMessageContaining("ledger.sla.priorities.LOW is not configured");
        assertThatThrownBy(() -> new SlaPolicy(properties(null)))
                .hasMessageContaining("ledger.sla.priorities.HIGH is not configured");
    }

    @Test
    void aTargetOnAnUnknownCalendarIsRefused() {
        Map<Priority, SlaProperties.TargetProperties> targets = domainTargets();
        targets.put(Priority.CRITICAL, target(SlaTarget.hours(2), SlaTarget.hours(8), "nights"));
        assertThatThrownBy(() -> new SlaPolicy(properties(targets)))
                .hasMessageContaining("ledger.sla.priorities.CRITICAL.calendar names no calendar: nights");
    }

    @Test
    void anUnknownOfficeCalendarIsRefused() {
        SlaProperties unknownOffice = new SlaProperties("front-desk", Map.of("business-hours", businessHours(),
                "always", twentyFourSeven()), domainTargets());
        assertThatThrownBy(() -> new SlaPolicy(unknownOffice))
                .hasMessageContaining("ledger.sla.office-calendar names no calendar: front-desk");
    }

    @Test
    void targetsThatAreNotPositiveAreRefused() {
        Map<Priority, SlaProperties.TargetProperties> targets = domainTargets();
        targets.put(Priority.HIGH, new SlaProperties.TargetProperties(SlaTarget.hours(4), SlaTarget.hours(-1),
                SlaTarget.days(0), SlaTarget.hours(4), "business-hours"));
        targets.put(Priority.LOW, new SlaProperties.TargetProperties(null, null, SlaTarget.days(15),
                SlaTarget.days(3), "business-hours"));
        assertThatThrownBy(() -> new SlaPolicy(properties(targets)))
                .hasMessageContaining("ledger.sla.priorities.HIGH.resolution must be a positive amount with its unit"
                        + " (e.g. 4h, 1d), not 0d")
                .hasMessageContaining("ledger.sla.priorities.HIGH.out-of-hours-response must be a positive amount")
                .hasMessageContaining("ledger.sla.priorities.LOW.response must be a positive amount");
    }

    @Test
    void aCalendarWithoutZoneOrOpeningBeforeClosingIsRefusedByName() {
        SlaProperties.CalendarProperties noZone = new SlaProperties.CalendarProperties(null, true, null, null, null,
                null);
        SlaProperties.CalendarProperties backwards = new SlaProperties.CalendarProperties(BUENOS_AIRES, false,
                EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(9, 0), null);
        SlaProperties wrong = new SlaProperties("business-hours", Map.of("business-hours", backwards,
                "always", noZone), domainTargets());
        assertThatThrownBy(() -> new SlaPolicy(wrong))
                .hasMessageContaining("ledger.sla.calendars.always: zone is not set")
                .hasMessageContaining("ledger.sla.calendars.business-hours: a business day must open before it closes");
    }

    @Test
    void aNegativeConsumedTimeIsRefused() {
        assertThatThrownBy(() -> policy.resolutionDeadlines(Priority.HIGH, local("2026-11-30T10:00"),
                Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    // --- Update (keep-in-loop) ------------------------------------------------------------------------------

    @Test
    void highTicketOpenedFridayAt17OwesTheClientNewsByMondayAtNoon() {
        SlaPolicy.UpdateClock clock = policy.updateOpened(Priority.HIGH, local("2026-11-27T17:00"));
        // 4 business hours: one on Friday, three on Monday.
        assertThat(clock.deadlines()).isEqualTo(new Deadlines(local("2026-11-30T11:12"), local("2026-11-30T12:00")));
        SlaPolicy.UpdateClock afterNote = policy.updateGiven(Priority.HIGH, clock, local("2026-11-30T10:00"));
        assertThat(afterNote.since()).isEqualTo(local("2026-11-30T10:00"));
        assertThat(afterNote.deadlines().dueAt()).isEqualTo(local("2026-11-30T14:00"));
        assertThat(afterNote.lateWindows()).isZero();
        assertThat(afterNote.windows()).containsExactly(
                new SlaPolicy.UpdateWindow(local("2026-11-27T17:00"), local("2026-11-30T10:00")));
        assertThat(SlaPolicy.updateState(afterNote, false, false, false, local("2026-11-30T13:30")))
                .isEqualTo(SlaState.AT_RISK);
        assertThat(SlaPolicy.updateState(afterNote, false, false, false, local("2026-11-30T14:01")))
                .isEqualTo(SlaState.BREACHED);
    }

    @Test
    void criticalTicketOwesNewsEveryClockHourNightsAndSundaysIncluded() {
        SlaPolicy.UpdateClock clock = policy.updateOpened(Priority.CRITICAL, local("2026-11-29T03:00"));
        assertThat(clock.deadlines()).isEqualTo(new Deadlines(local("2026-11-29T03:48"), local("2026-11-29T04:00")));
        SlaPolicy.UpdateClock onTime = policy.updateGiven(Priority.CRITICAL, clock, local("2026-11-29T03:50"));
        assertThat(onTime.deadlines().dueAt()).isEqualTo(local("2026-11-29T04:50"));
        SlaPolicy.UpdateClock late = policy.updateGiven(Priority.CRITICAL, onTime, local("2026-11-29T05:10"));
        assertThat(late.lateWindows()).as("05:10 is past 04:50").isEqualTo(1);
        assertThat(SlaPolicy.updateState(late, false, false, false, local("2026-11-29T05:20")))
                .as("the current window is on time: what the desk has to do now").isEqualTo(SlaState.RUNNING);
        assertThat(SlaPolicy.updateState(late, false, true, false, local("2026-11-29T07:00")))
                .as("closed with a late window").isEqualTo(SlaState.BREACHED);
    }

    @Test
    void onlyThePublicWordOfTheDeskKeepsTheClientInTheLoop() {
        assertThat(SlaPolicy.updatesTheClient(Role.ENGINEER, Visibility.PUBLIC)).isTrue();
        assertThat(SlaPolicy.updatesTheClient(Role.OPERATOR, Visibility.PUBLIC)).isTrue();
        assertThat(SlaPolicy.updatesTheClient(Role.CLIENT, Visibility.PUBLIC))
                .as("a note by the client asks for news, it gives none").isFalse();
        assertThat(SlaPolicy.updatesTheClient(Role.ENGINEER, Visibility.INTERNAL))
                .as("an internal note is never seen by the client").isFalse();
        assertThat(SlaPolicy.updatesTheClient(Role.OPERATOR, Visibility.INTERNAL)).isFalse();
        assertThat(SlaPolicy.updatesTheClient(null, Visibility.PUBLIC)).isFalse();
    }

    @Test
    void pendingClosurePausesTheUpdateClockAndAReopeningStartsAFreshWindow() {
        SlaPolicy.UpdateClock opened = policy.updateOpened(Priority.HIGH, local("2026-11-30T09:00"));
        SlaPolicy.UpdateClock pending = SlaPolicy.updatePaused(opened, local("2026-11-30T12:00"));
        assertThat(pending.lateWindows()).isZero();
        assertThat(SlaPolicy.updateState(pending, true, false, false, local("2026-12-07T09:00")))
                .as("a week waiting for the client's acceptance breaches nothing").isEqualTo(SlaState.PAUSED);
        SlaPolicy.UpdateClock reopened = policy.updateResumed(Priority.HIGH, pending, local("2026-12-07T10:00"));
        assertThat(reopened.deadlines().dueAt()).as("4 business hours from the reopening, none carried over")
                .isEqualTo(local("2026-12-07T14:00"));
        SlaPolicy.UpdateClock closed = SlaPolicy.updatePaused(reopened, local("2026-12-07T11:00"));
        assertThat(SlaPolicy.updateState(closed, false, true, false, local("2026-12-08T11:00")))
                .as("closed with every window on time").isEqualTo(SlaState.MET);
        assertThat(SlaPolicy.updateState(closed, false, false, true, local("2026-12-08T11:00")))
                .isEqualTo(SlaState.CANCELLED);
    }

    @Test
    void aPendingClosureReachedLateIsABreachEvenWhilePaused() {
        SlaPolicy.UpdateClock opened = policy.updateOpened(Priority.HIGH, local("2026-11-30T09:00"));
        SlaPolicy.UpdateClock pending = SlaPolicy.updatePaused(opened, local("2026-11-30T15:00"));
        assertThat(pending.lateWindows()).isEqualTo(1);
        assertThat(SlaPolicy.updateState(pending, true, false, false, local("2026-11-30T15:01")))
                .isEqualTo(SlaState.BREACHED);
    }

    @Test
    void reclassificationJudgesEveryWindowAgainWithTheNewTarget() {
        SlaPolicy.UpdateClock low = policy.updateOpened(Priority.LOW, local("2026-11-30T09:00"));
        low = policy.updateGiven(Priority.LOW, low, local("2026-11-30T15:00"));
        low = policy.updateGiven(Priority.LOW, low, local("2026-12-01T10:00"));
        assertThat(low.lateWindows()).as("LOW owes news every three business days").isZero();
        SlaPolicy.UpdateClock high = policy.updateClock(Priority.HIGH, low.windows(), low.since());
        assertThat(high.lateWindows()).as("6 h, then 4 business hours (15:00-18:00, 09:00-10:00): one late").isEqualTo(1);
        assertThat(high.deadlines().dueAt()).isEqualTo(local("2026-12-01T14:00"));
    }

    @Test
    void aPolicyWithoutAnUpdateTargetIsRefused() {
        Map<Priority, SlaProperties.TargetProperties> targets = domainTargets();
        targets.put(Priority.MEDIUM, new SlaProperties.TargetProperties(SlaTarget.days(1), null, SlaTarget.days(5),
                null, "business-hours"));
        assertThatThrownBy(() -> new SlaPolicy(properties(targets)))
                .hasMessageContaining("ledger.sla.priorities.MEDIUM.update must be a positive amount with its unit");
    }

    private static SlaPolicy withOutOfHoursResponse(Priority priority, SlaTarget outOfHoursResponse) {
        Map<Priority, SlaProperties.TargetProperties> targets = domainTargets();
        SlaProperties.TargetProperties usual = targets.get(priority);
        targets.put(priority, new SlaProperties.TargetProperties(usual.response(), outOfHoursResponse,
                usual.resolution(), usual.update(), usual.calendar()));
        return new SlaPolicy(properties(targets));
    }
}
