package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The laws of docs/domain.md's clocks under the default policy: what pausing may and may not do to a deadline. */
class SlaPolicyLawsTest {

    static final SlaPolicy POLICY = SlaFixtures.domainPolicy();

    @Provide
    Arbitrary<Instant> instants() {
        return SlaArbitraries.instants();
    }

    @Provide
    Arbitrary<Duration> amountsOrZero() {
        return SlaArbitraries.amountsOrZero();
    }

    @Property
    void atRiskComesAtEightyPercentAndNoLaterThanDue(@ForAll Priority priority, @ForAll("instants") Instant opened) {
        Deadlines response = POLICY.responseDeadlines(priority, opened);
        Deadlines resolution = POLICY.resolutionDeadlines(priority, opened, Duration.ZERO);
        for (Deadlines deadlines : new Deadlines[] {response, resolution}) {
            assertThat(deadlines.atRiskAt()).isBeforeOrEqualTo(deadlines.dueAt());
            Duration allowed = POLICY.consumed(priority, opened, deadlines.dueAt());
            assertThat(POLICY.consumed(priority, opened, deadlines.atRiskAt()))
                    .isEqualTo(allowed.multipliedBy(80).dividedBy(100));
        }
    }

    /** Pending closure and an immediate reopening: the clock never stopped, so nothing moves. */
    @Property
    void aPauseOfNoLengthMovesNoDeadline(@ForAll Priority priority, @ForAll("instants") Instant opened,
            @ForAll("amountsOrZero") Duration wallTimeUntilPause) {
        Instant paused = opened.plus(wallTimeUntilPause);
        Duration consumed = POLICY.consumed(priority, opened, paused);
        Deadlines undisturbed = POLICY.resolutionDeadlines(priority, opened, Duration.ZERO);
        Assume.that(paused.isBefore(undisturbed.atRiskAt()));
        assertThat(POLICY.resolutionDeadlines(priority, paused, consumed)).isEqualTo(undisturbed);
    }

    /** The open time before the pause plus the open time after the reopening is the whole target. */
    @Property
    void timePendingClosureIsNeverCounted(@ForAll Priority priority, @ForAll("instants") Instant opened,
            @ForAll("amountsOrZero") Duration untilPause, @ForAll("amountsOrZero") Duration pendingFor) {
        Instant paused = opened.plus(untilPause);
        Instant reopened = paused.plus(pendingFor);
        Duration consumed = POLICY.consumed(priority, opened, paused);
        Deadlines undisturbed = POLICY.resolutionDeadlines(priority, opened, Duration.ZERO);
        Assume.that(paused.isBefore(undisturbed.dueAt()));
        Deadlines resumed = POLICY.resolutionDeadlines(priority, reopened, consumed);
        Duration target = POLICY.consumed(priority, opened, undisturbed.dueAt());
        assertThat(consumed.plus(POLICY.consumed(priority, reopened, resumed.dueAt()))).isEqualTo(target);
        assertThat(resumed.dueAt()).isAfterOrEqualTo(undisturbed.dueAt());
    }

    @Property
    void aRunningTargetOnlyMovesForwardFromRunningToAtRiskToBreached(@ForAll Priority priority,
            @ForAll("instants") Instant opened, @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        Deadlines deadlines = POLICY.responseDeadlines(priority, opened);
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        assertThat(rank(SlaPolicy.state(deadlines, null, null, earlier)))
                .isLessThanOrEqualTo(rank(SlaPolicy.state(deadlines, null, null, later)));
    }

    private static int rank(SlaState state) {
        if (state == SlaState.RUNNING) {
            return 0;
        }
        return state == SlaState.AT_RISK ? 1 : 2;
    }
}
