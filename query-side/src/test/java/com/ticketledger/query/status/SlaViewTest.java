package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.sla.Deadlines;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.sla.SlaState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place a row's SLA states are decided ({@link SlaView#of}): examples of each status, and laws over random
 * rows.
 */
public class SlaViewTest {

    public static final Instant OPENED = Instant.parse("2026-12-01T12:00:00Z");

    /** A row opened at {@link #OPENED} with response due at +4 h and resolution due at +2 days (at risk 80 %). */
    public static StatusRow row(TicketStatus status, Instant respondedAt, Instant resolvedAt, int lateWindows) {
        Instant responseDue = OPENED.plus(Duration.ofHours(4));
        Instant resolutionDue = OPENED.plus(Duration.ofDays(2));
        SlaPolicy.UpdateClock updates = new SlaPolicy.UpdateClock(OPENED,
                new Deadlines(OPENED.plus(Duration.ofMinutes(192)), OPENED.plus(Duration.ofHours(4))), lateWindows,
                List.of());
        return new StatusRow(UUID.randomUUID(), "T-1", "acme", "VPN down", TicketType.INCIDENT, Priority.MEDIUM,
                status, SupportLevel.L1, "ana", OPENED, OPENED, 0, 3, 1, 4, respondedAt,
                OPENED.plus(Duration.ofMinutes(192)), responseDue, Duration.ZERO, OPENED,
                OPENED.plus(Duration.ofHours(38)), resolutionDue, resolvedAt, null, null, null, List.of(), null,
                updates, "standard", 1);
    }

    @Test
    void aTicketPendingClosureInTimeHasItsResolutionAndUpdatePaused() {
        StatusRow pending = row(TicketStatus.PENDING_CLOSURE, OPENED.plusSeconds(600), OPENED.plus(Duration.ofHours(5)),
                0);
        SlaView view = SlaView.of(pending, OPENED.plus(Duration.ofDays(10)));

        assertThat(view.responseState()).isEqualTo(SlaState.MET);
        assertThat(view.resolutionState()).isEqualTo(SlaState.PAUSED);
        assertThat(view.updateState()).isEqualTo(SlaState.PAUSED);
    }

    @Test
    void aTicketMarkedPendingClosureAfterItsDueStaysBreached() {
        StatusRow late = row(TicketStatus.PENDING_CLOSURE, OPENED.plusSeconds(600), OPENED.plus(Duration.ofDays(3)), 1);
        SlaView view = SlaView.of(late, OPENED.plus(Duration.ofDays(3)));

        assertThat(view.resolutionState()).isEqualTo(SlaState.BREACHED);
        assertThat(view.updateState()).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void anOpenTicketIsAtRiskFromItsAtRiskInstantAndBreachedAfterItsDue() {
        StatusRow open = row(TicketStatus.OPEN, null, null, 0);

        assertThat(SlaView.of(open, OPENED.plus(Duration.ofMinutes(100))).responseState()).isEqualTo(SlaState.RUNNING);
        assertThat(SlaView.of(open, OPENED.plus(Duration.ofMinutes(192))).responseState()).isEqualTo(SlaState.AT_RISK);
        assertThat(SlaView.of(open, OPENED.plus(Duration.ofMinutes(241))).responseState()).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void aCancelledTicketsUndoneTargetsAreCancelledAndItsDoneOnesKeepTheirState() {
        StatusRow cancelled = row(TicketStatus.CANCELLED, OPENED.plusSeconds(600), null, 0);
        SlaView view = SlaView.of(cancelled, OPENED.plus(Duration.ofDays(5)));

        assertThat(view.responseState()).isEqualTo(SlaState.MET);
        assertThat(view.resolutionState()).isEqualTo(SlaState.CANCELLED);
        assertThat(view.updateState()).isEqualTo(SlaState.CANCELLED);
    }

    @Property
    void aResolvedTicketsStatesNoLongerMoveWithTheTimeOfReading(@ForAll("resolved") StatusRow row,
            @ForAll("later") Duration first, @ForAll("later") Duration second) {
        SlaView earlier = SlaView.of(row, row.resolvedAt().plus(first));
        SlaView later = SlaView.of(row, row.resolvedAt().plus(first).plus(second));

        assertThat(later.resolutionState()).isEqualTo(earlier.resolutionState());
        assertThat(later.updateState()).isEqualTo(earlier.updateState());
    }

    @Provide
    Arbitrary<StatusRow> resolved() {
        return resolvedRows();
    }

    /** Tickets pending closure or closed, responded and resolved at random instants, with up to 3 late updates. */
    public static Arbitrary<StatusRow> resolvedRows() {
        Arbitrary<TicketStatus> status = Arbitraries.of(TicketStatus.PENDING_CLOSURE, TicketStatus.CLOSED);
        Arbitrary<Duration> responded = Arbitraries.longs().between(1, 10 * 24 * 60).map(Duration::ofMinutes);
        Arbitrary<Duration> resolvedAfter = Arbitraries.longs().between(0, 10 * 24 * 60).map(Duration::ofMinutes);
        Arbitrary<Integer> late = Arbitraries.integers().between(0, 3);
        return Combinators.combine(status, responded, resolvedAfter, late).as((s, r, v, l) ->
                row(s, OPENED.plus(r), OPENED.plus(r).plus(v), l));
    }

    @Provide
    Arbitrary<Duration> later() {
        return laterDurations();
    }

    public static Arbitrary<Duration> laterDurations() {
        return Arbitraries.longs().between(0, 60L * 24 * 60).map(Duration::ofMinutes);
    }
}
