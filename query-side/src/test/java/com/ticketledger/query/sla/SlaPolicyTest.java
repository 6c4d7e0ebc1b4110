package com.ticketledger.query.sla;

import com.ticketledger.events.Priority;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.ticketledger.query.sla.BusinessCalendarTest.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DOMAIN.md's default policy, and the cases a desk argues about. */
class SlaPolicyTest {

    static SlaProperties.CalendarProperties office() {
        return new SlaProperties.CalendarProperties("America/Argentina/Buenos_Aires", false,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
                Set.of(LocalDate.of(2026, 12, 25)));
    }

    static SlaProperties defaults(Duration highOutOfHoursResponse) {
        return new SlaProperties("business-hours",
                Map.of("business-hours", office(),
                        "always", new SlaProperties.CalendarProperties("America/Argentina/Buenos_Aires", true,
                                null, null, null, null)),
                Map.of(Priority.CRITICAL, new SlaProperties.TargetProperties(Duration.ofHours(2), null,
                                Duration.ofHours(8), "always"),
                        Priority.HIGH, new SlaProperties.TargetProperties(Duration.ofHours(4), highOutOfHoursResponse,
                                Duration.ofHours(24), "business-hours"),
                        Priority.MEDIUM, new SlaProperties.TargetProperties(Duration.ofHours(24), null,
                                Duration.ofHours(45), "business-hours"),
                        Priority.LOW, new SlaProperties.TargetProperties(Duration.ofHours(36), null,
                                Duration.ofHours(135), "business-hours")));
    }

    final SlaPolicy policy = new SlaPolicy(defaults(null));

    @Test
    void highTicketOpenedFridayEveningIsDueForResponseMondayNoon() {
        Deadlines response = policy.responseDeadlines(Priority.HIGH, local("2026-11-27T17:00"));
        assertThat(response.dueAt()).isEqualTo(local("2026-11-30T12:00"));
        // 80 % of 4 h is 3 h 12 min: one hour on Friday, 2 h 12 min on Monday.
        assertThat(response.atRiskAt()).isEqualTo(local("2026-11-30T11:12"));
    }

    @Test
    void criticalTicketOpenedOnSundayIsDueTwoHoursLater() {
        Deadlines response = policy.responseDeadlines(Priority.CRITICAL, local("2026-11-29T03:00"));
        assertThat(response.dueAt()).isEqualTo(local("2026-11-29T05:00"));
        assertThat(policy.resolutionDeadlines(Priority.CRITICAL, local("2026-11-29T03:00"), Duration.ZERO).dueAt())
                .isEqualTo(local("2026-11-29T11:00"));
    }

    @Test
    void highTicketOpenedOnChristmasEveningWaitsForTheNextWorkingDay() {
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-12-24T19:00")).dueAt())
                .isEqualTo(local("2026-12-28T13:00"));
    }

    @Test
    void ticketOpenedOutOfHoursGetsTheLongerResponseTarget() {
        SlaPolicy outOfHours = new SlaPolicy(defaults(Duration.ofHours(6)));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T20:00")).dueAt())
                .as("opened Friday evening: 6 open hours").isEqualTo(local("2026-11-30T15:00"));
        assertThat(outOfHours.responseDeadlines(Priority.HIGH, local("2026-11-27T10:00")).dueAt())
                .as("opened in hours: 4 open hours").isEqualTo(local("2026-11-27T14:00"));
    }

    @Test
    void timeSpentPendingClosureIsNotCounted() {
        Instant opened = local("2026-11-30T09:00");
        Instant pending = local("2026-11-30T13:00");
        Duration consumed = policy.consumed(Priority.HIGH, opened, pending);
        assertThat(consumed).isEqualTo(Duration.ofHours(4));
        // Reopened two days later at 09:00: 20 of the 24 open hours remain.
        Deadlines resumed = policy.resolutionDeadlines(Priority.HIGH, local("2026-12-02T09:00"), consumed);
        assertThat(resumed.dueAt()).isEqualTo(local("2026-12-04T11:00"));
        assertThat(resumed.dueAt()).isAfter(policy.resolutionDeadlines(Priority.HIGH, opened, Duration.ZERO).dueAt());
    }

    @Test
    void targetAlreadyUsedUpOnReopeningIsDueAtOnce() {
        Instant reopened = local("2026-12-02T10:00");
        Deadlines deadlines = policy.resolutionDeadlines(Priority.HIGH, reopened, Duration.ofHours(30));
        assertThat(deadlines.dueAt()).isEqualTo(reopened);
        assertThat(SlaPolicy.state(deadlines, null, null, reopened.plusSeconds(1))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void stateFollowsTheClock() {
        Deadlines deadlines = new Deadlines(local("2026-11-30T11:12"), local("2026-11-30T12:00"));
        assertThat(SlaPolicy.state(deadlines, null, null, local("2026-11-30T11:11"))).isEqualTo(SlaState.RUNNING);
        assertThat(SlaPolicy.state(deadlines, null, null, local("2026-11-30T11:12"))).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaPolicy.state(deadlines, null, null, local("2026-11-30T12:00"))).as("at 100 %, not past it")
                .isEqualTo(SlaState.AT_RISK);
        assertThat(SlaPolicy.state(deadlines, null, null, local("2026-11-30T12:01"))).isEqualTo(SlaState.BREACHED);
        assertThat(SlaPolicy.state(deadlines, local("2026-11-30T12:00"), null, local("2026-12-31T00:00")))
                .isEqualTo(SlaState.MET);
        assertThat(SlaPolicy.state(deadlines, local("2026-11-30T12:01"), null, local("2026-12-31T00:00")))
                .isEqualTo(SlaState.BREACHED);
        assertThat(SlaPolicy.state(deadlines, null, local("2026-11-30T11:30"), local("2026-12-31T00:00")))
                .isEqualTo(SlaState.PAUSED);
        assertThat(SlaPolicy.state(deadlines, null, local("2026-11-30T12:30"), local("2026-12-31T00:00")))
                .as("stopped after it was due").isEqualTo(SlaState.BREACHED);
    }

    @Test
    void policyMissingAPriorityIsRefusedAtStart() {
        SlaProperties incomplete = new SlaProperties("business-hours", Map.of("business-hours", office()),
                Map.of(Priority.HIGH, new SlaProperties.TargetProperties(Duration.ofHours(4), null,
                        Duration.ofHours(24), "business-hours")));
        assertThatThrownBy(() -> new SlaPolicy(incomplete)).hasMessageContaining("CRITICAL is not configured");
    }

    @Test
    void targetOnAnUnknownCalendarIsRefusedAtStart() {
        SlaProperties wrong = new SlaProperties("business-hours", Map.of("business-hours", office()),
                Map.of(Priority.CRITICAL, new SlaProperties.TargetProperties(Duration.ofHours(2), null,
                        Duration.ofHours(8), "nights")));
        assertThatThrownBy(() -> new SlaPolicy(wrong)).hasMessageContaining("names no calendar: nights");
    }
}
