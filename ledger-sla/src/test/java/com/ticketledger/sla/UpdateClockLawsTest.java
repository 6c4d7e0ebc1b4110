package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laws of the update (keep-in-loop) clock under the default policy, over whole lives of a ticket: the desk's
 * public notes, pending closures and reopenings at any instants of 2026–2028.
 */
class UpdateClockLawsTest {

    static final SlaPolicy POLICY = SlaFixtures.domainPolicy();

    /** The update targets of the default policy, as open time of each priority's calendar. */
    static final Map<Priority, Duration> TARGET = Map.of(Priority.CRITICAL, Duration.ofHours(1),
            Priority.HIGH, Duration.ofHours(4), Priority.MEDIUM, Duration.ofHours(9),
            Priority.LOW, Duration.ofHours(27));

    @Provide
    Arbitrary<Instant> instants() {
        return SlaArbitraries.instants();
    }

    /** What happens next, and how much wall time after the step before (up to a week). */
    @Provide
    Arbitrary<List<Step>> lives() {
        return Arbitraries.integers().between(0, 7 * 24 * 60)
                .flatMap(minutes -> Arbitraries.of(Kind.class).map(kind -> new Step(kind, Duration.ofMinutes(minutes))))
                .list().ofMaxSize(12);
    }

    @Property
    void theDueInstantIsTheTargetsOpenTimeAfterTheLastReset(@ForAll Priority priority,
            @ForAll("instants") Instant opened, @ForAll("lives") List<Step> life) {
        Life lived = live(priority, opened, life);
        Deadlines deadlines = lived.clock.deadlines();
        assertThat(POLICY.consumed(priority, lived.clock.since(), deadlines.dueAt())).isEqualTo(TARGET.get(priority));
        assertThat(deadlines).isEqualTo(POLICY.updateDeadlines(priority, lived.clock.since()));
        assertThat(deadlines.atRiskAt()).isBeforeOrEqualTo(deadlines.dueAt());
    }

    @Property
    void aResetNeverMovesTheDueInstantEarlier(@ForAll Priority priority, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        SlaPolicy.UpdateClock clock = POLICY.updateOpened(priority, earlier);
        SlaPolicy.UpdateClock reset = POLICY.updateGiven(priority, clock, later);
        assertThat(reset.deadlines().dueAt()).isAfterOrEqualTo(clock.deadlines().dueAt());
        assertThat(reset.deadlines().atRiskAt()).isAfterOrEqualTo(clock.deadlines().atRiskAt());
    }

    /**
     * Pausing consumes nothing and loses nothing: the open time of the windows and of the pauses between them adds
     * up to the open time from the opening to the last stop, whatever the pauses' lengths.
     */
    @Property
    void pauseAndReopeningConserveTheOpenTimeConsumed(@ForAll Priority priority, @ForAll("instants") Instant opened,
            @ForAll("lives") List<Step> life) {
        Life lived = live(priority, opened, life);
        SlaPolicy.UpdateClock stopped = lived.running ? SlaPolicy.updatePaused(lived.clock, lived.now) : lived.clock;
        Duration windows = Duration.ZERO;
        for (SlaPolicy.UpdateWindow window : stopped.windows()) {
            windows = windows.plus(POLICY.openTime(priority, window));
        }
        Duration pauses = Duration.ZERO;
        for (SlaPolicy.Pause pause : lived.pauses) {
            pauses = pauses.plus(POLICY.consumed(priority, pause.from(), pause.to()));
        }
        Instant lastStop = stopped.windows().get(stopped.windows().size() - 1).to();
        assertThat(windows.plus(pauses)).isEqualTo(POLICY.consumed(priority, opened, lastStop));
    }

    /** Step by step or measured again from the stored windows (a reclassification), the clock is the same. */
    @Property
    void steppingAndMeasuringAgainAgree(@ForAll Priority priority, @ForAll("instants") Instant opened,
            @ForAll("lives") List<Step> life) {
        SlaPolicy.UpdateClock clock = live(priority, opened, life).clock;
        assertThat(POLICY.updateClock(priority, clock.windows(), clock.since())).isEqualTo(clock);
    }

    @Property
    void aLateWindowIsNeverForgiven(@ForAll Priority priority, @ForAll("instants") Instant opened,
            @ForAll("lives") List<Step> life) {
        SlaPolicy.UpdateClock clock = POLICY.updateOpened(priority, opened);
        Instant now = opened;
        int late = 0;
        for (Step step : life) {
            now = now.plus(step.after());
            clock = POLICY.updateGiven(priority, clock, now);
            assertThat(clock.lateWindows()).isGreaterThanOrEqualTo(late);
            late = clock.lateWindows();
        }
        assertThat(SlaPolicy.updateState(SlaPolicy.updatePaused(clock, now), false, true, false, now))
                .isEqualTo(late > 0 ? SlaState.BREACHED : SlaState.MET);
    }

    private static Life live(Priority priority, Instant opened, List<Step> life) {
        Life lived = new Life(POLICY.updateOpened(priority, opened), opened);
        Instant pausedAt = null;
        for (Step step : life) {
            lived.now = lived.now.plus(step.after());
            if (!lived.running) {
                lived.pauses.add(new SlaPolicy.Pause(pausedAt, lived.now));
                lived.clock = POLICY.updateResumed(priority, lived.clock, lived.now);
                lived.running = true;
            } else if (step.kind() == Kind.PUBLIC_NOTE) {
                lived.clock = POLICY.updateGiven(priority, lived.clock, lived.now);
            } else {
                lived.clock = SlaPolicy.updatePaused(lived.clock, lived.now);
                pausedAt = lived.now;
                lived.running = false;
            }
        }
        return lived;
    }

    enum Kind { PUBLIC_NOTE, PENDING_CLOSURE }

    record Step(Kind kind, Duration after) {
    }

    private static final class Life {
        SlaPolicy.UpdateClock clock;
        Instant now;
        boolean running = true;
        final List<SlaPolicy.Pause> pauses = new ArrayList<>();

        Life(SlaPolicy.UpdateClock clock, Instant now) {
            this.clock = clock;
            this.now = now;
        }
    }
}
