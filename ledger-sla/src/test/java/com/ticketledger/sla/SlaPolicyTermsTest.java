package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyTerms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import static com.ticketledger.sla.SlaFixtures.domainTargets;
import static com.ticketledger.sla.SlaFixtures.local;
import static com.ticketledger.sla.SlaFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy version as the ledger keeps it measures exactly what the configuration it came from measures. */
class SlaPolicyTermsTest {

    final SlaPolicy configured = new SlaPolicy(properties(domainTargets()), SlaTarget.days(3), Duration.ofDays(10));
    final SlaPolicy kept = new SlaPolicy(configured.terms());

    @Test
    void termsOfTheConfiguredPolicyGiveTheSameDeadlines() {
        for (Priority priority : Priority.values()) {
            assertThat(kept.responseDeadlines(priority, local("2026-11-27T17:00")))
                    .isEqualTo(configured.responseDeadlines(priority, local("2026-11-27T17:00")));
            assertThat(kept.resolutionDeadlines(priority, local("2026-12-07T10:30"), Duration.ofHours(1)))
                    .isEqualTo(configured.resolutionDeadlines(priority, local("2026-12-07T10:30"), Duration.ofHours(1)));
            assertThat(kept.updateDeadlines(priority, local("2026-12-24T16:00")))
                    .isEqualTo(configured.updateDeadlines(priority, local("2026-12-24T16:00")));
            assertThat(kept.acceptanceWindow(priority, local("2026-12-04T12:00")))
                    .isEqualTo(configured.acceptanceWindow(priority, local("2026-12-04T12:00")));
        }
    }

    @Test
    void termsCarryTheClosureTermsAndTheAtRiskShare() {
        assertThat(kept.autoAcceptAfter()).isEqualTo(SlaTarget.days(3));
        assertThat(kept.reopenWindow()).isEqualTo(Duration.ofDays(10));
        assertThat(kept.atRiskPercent()).isEqualTo(SlaPolicy.DEFAULT_AT_RISK_PERCENT);
        assertThat(kept.terms().priorities().get(Priority.HIGH).response()).isEqualTo("4h");
    }

    @Test
    void aLowerAtRiskShareWarnsEarlier() {
        SlaPolicyTerms terms = configured.terms();
        SlaPolicy cautious = new SlaPolicy(new SlaPolicyTerms(terms.officeCalendar(), terms.calendars(),
                terms.priorities(), terms.autoAcceptAfter(), terms.reopenWindow(), 50));
        // HIGH: 4 business hours from Monday 09:00; half of them is 11:00, 80 % is 12:12.
        assertThat(cautious.responseDeadlines(Priority.HIGH, local("2026-11-30T09:00")).atRiskAt())
                .isEqualTo(local("2026-11-30T11:00"));
        assertThat(kept.responseDeadlines(Priority.HIGH, local("2026-11-30T09:00")).atRiskAt())
                .isEqualTo(local("2026-11-30T12:12"));
    }

    @Test
    void refusesTermsThatDoNotAddUpNamingEachFieldOnce() {
        SlaPolicyTerms terms = configured.terms();
        Map<Priority, SlaPolicyTerms.Targets> targets = new EnumMap<>(terms.priorities());
        targets.remove(Priority.LOW);
        SlaPolicyTerms.Targets high = targets.get(Priority.HIGH);
        targets.put(Priority.HIGH, new SlaPolicyTerms.Targets("24", null, high.resolution(), "0h", "nowhere"));
        SlaPolicyTerms wrong = new SlaPolicyTerms("business-hours", terms.calendars(), targets, "soon",
                Duration.ZERO, 100);

        assertThatThrownBy(() -> new SlaPolicy(wrong))
                .isInstanceOfSatisfying(SlaPolicy.PolicyDoesNotAddUp.class, refused -> assertThat(refused.problems())
                        .containsExactlyInAnyOrder(
                                "priorities.HIGH.calendar names no calendar: nowhere (known: [always, business-hours])",
                                "priorities.HIGH.response must be a positive amount with its unit (e.g. 4h, 1d), not 24",
                                "priorities.HIGH.update must be a positive amount with its unit (e.g. 4h, 1d), not 0h",
                                "priorities.LOW is not configured",
                                "auto-accept-after must be a positive amount with its unit (e.g. 4h, 1d), not soon",
                                "reopen-window must be a positive duration, not PT0S",
                                "at-risk-percent must be from 1 to 99, not 100"));
    }

    @Test
    void refusesACalendarInAZoneThatDoesNotExist() {
        SlaPolicyTerms terms = configured.terms();
        Map<String, SlaPolicyTerms.Calendar> calendars = new TreeMap<>(terms.calendars());
        calendars.put("always", new SlaPolicyTerms.Calendar("Mars/Olympus", true, null, null, null, null));
        SlaPolicyTerms wrong = new SlaPolicyTerms(terms.officeCalendar(), calendars, terms.priorities(),
                terms.autoAcceptAfter(), terms.reopenWindow(), terms.atRiskPercent());

        assertThatThrownBy(() -> new SlaPolicy(wrong)).isInstanceOf(SlaPolicy.PolicyDoesNotAddUp.class)
                .hasMessageContaining("calendars.always: ").hasMessageContaining("Mars/Olympus");
    }
}
