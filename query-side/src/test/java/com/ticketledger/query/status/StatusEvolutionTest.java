package com.ticketledger.query.status;

import com.ticketledger.events.CancellationReason;
import com.ticketledger.events.Channel;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.policy.SlaPolicies;
import com.ticketledger.sla.SlaFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status row's fold, event by event, without a database. */
class StatusEvolutionTest {

    static final StatusEvolution EVOLUTION = new StatusEvolution(SlaPolicies.only(SlaFixtures.domainPolicy()));
    static final UUID ID = UUID.fromString("6f1c1a40-0000-4000-8000-0000000000bb");
    static final Instant OPENED = Instant.parse("2026-11-24T12:00:00Z");

    /** The ticket's life so far, as the rows the fold gave after each event (sequence = index). */
    final List<StatusRow> rows = new ArrayList<>();

    StatusRow then(TicketEvent event, Duration after, String role) {
        StatusRow before = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        long sequence = rows.size();
        StatusRow next = EVOLUTION.fold(before, event, OPENED.plus(after), sequence, sequence + 100, role);
        rows.add(next);
        return next;
    }

    StatusRow opened(Priority priority) {
        return then(new TicketOpened(ID, "TCK-000042", "acme", new Reporter("Marta", "m@acme.example", null), null,
                "VPN down", "Nobody can connect", null, null, TicketType.INCIDENT, priority, Channel.PHONE),
                Duration.ZERO, "OPERATOR");
    }

    @Test
    void anOpeningStartsAnOpenRowAtLevelOneWithItsClocksRunning() {
        StatusRow row = opened(Priority.HIGH);

        assertThat(row.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(row.level()).isEqualTo(SupportLevel.L1);
        assertThat(row.version()).isZero();
        assertThat(row.lastPosition()).isEqualTo(100);
        assertThat(row.respondedAt()).isNull();
        assertThat(row.responseDueAt()).isAfter(OPENED);
        assertThat(row.resolutionRunningSince()).isEqualTo(OPENED);
    }

    @Test
    void theFirstAssignmentIsTheResponse() {
        opened(Priority.HIGH);
        StatusRow row = then(new TicketAssigned(ID, "ana", null, SupportLevel.L1), Duration.ofMinutes(30), "OPERATOR");

        assertThat(row.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(row.assignee()).isEqualTo("ana");
        assertThat(row.respondedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
        StatusRow again = then(new TicketAssigned(ID, "bruno", "ana", SupportLevel.L1), Duration.ofHours(1),
                "OPERATOR");
        assertThat(again.respondedAt()).as("only the first counts").isEqualTo(row.respondedAt());
    }

    @Test
    void anEngineersPublicNoteIsAResponseAndAnInternalOneIsNot() {
        opened(Priority.HIGH);
        StatusRow internal = then(new NoteAdded(ID, "looking", Visibility.INTERNAL), Duration.ofMinutes(10),
                "ENGINEER");
        assertThat(internal.respondedAt()).isNull();
        StatusRow publicNote = then(new NoteAdded(ID, "on it", Visibility.PUBLIC), Duration.ofMinutes(20), "ENGINEER");
        assertThat(publicNote.respondedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(20)));
        assertThat(publicNote.status()).as("a note moves no status").isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void anEscalationMovesTheTicketToTheNextLevel() {
        opened(Priority.HIGH);
        then(new TicketAssigned(ID, "ana", null, SupportLevel.L1), Duration.ofMinutes(5), "OPERATOR");
        StatusRow row = then(new TicketEscalated(ID, "TCK-000042", "acme", "VPN down", Priority.HIGH, SupportLevel.L1,
                SupportLevel.L2, "needs networking", null, null), Duration.ofHours(1), "ENGINEER");

        assertThat(row.level()).isEqualTo(SupportLevel.L2);
        assertThat(row.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(row.assignee()).isNull();
    }

    @Test
    void aPendingClosureStopsTheResolutionClockAndAReopeningStartsItAgain() {
        opened(Priority.MEDIUM);
        then(new TicketAssigned(ID, "ana", null, SupportLevel.L1), Duration.ofMinutes(5), "OPERATOR");
        StatusRow pending = then(new TicketPendingClosure(ID, "fixed"), Duration.ofHours(2), "ENGINEER");

        assertThat(pending.status()).isEqualTo(TicketStatus.PENDING_CLOSURE);
        assertThat(pending.resolvedAt()).isEqualTo(OPENED.plus(Duration.ofHours(2)));
        assertThat(pending.resolutionRunningSince()).isNull();

        StatusRow reopened = then(new TicketReopened(ID, "still down", TicketStatus.PENDING_CLOSURE, "ana"),
                Duration.ofHours(3), "CLIENT");
        assertThat(reopened.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.resolutionRunningSince()).isEqualTo(OPENED.plus(Duration.ofHours(3)));
        assertThat(reopened.resolutionConsumed()).isEqualTo(pending.resolutionConsumed());
    }

    @Test
    void anAcceptanceClosesTheTicket() {
        opened(Priority.LOW);
        then(new TicketAssigned(ID, "ana", null, SupportLevel.L1), Duration.ofMinutes(5), "OPERATOR");
        then(new TicketPendingClosure(ID, "fixed"), Duration.ofHours(2), "ENGINEER");
        StatusRow closed = then(new ClosureAccepted(ID, "thanks", false), Duration.ofHours(4), "CLIENT");

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.resolvedAt()).isEqualTo(OPENED.plus(Duration.ofHours(2)));
    }

    @Test
    void aReclassificationChangesThePriorityAndTheTargets() {
        StatusRow low = opened(Priority.LOW);
        StatusRow critical = then(new TicketReclassified(ID, "TCK-000042", "acme", TicketStatus.OPEN, Priority.LOW,
                Priority.CRITICAL, TicketType.INCIDENT, TicketType.INCIDENT, null, null, "wrong priority"),
                Duration.ofMinutes(10), "OPERATOR");

        assertThat(critical.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(critical.responseDueAt()).isBefore(low.responseDueAt());
    }

    @Test
    void aCancellationEndsTheTicket() {
        opened(Priority.LOW);
        StatusRow cancelled = then(new TicketCancelled(ID, "TCK-000042", "acme", CancellationReason.WITHDRAWN, null,
                null, "went away", TicketStatus.OPEN, null), Duration.ofMinutes(10), "CLIENT");

        assertThat(cancelled.status()).isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void anEventTheRowHasAlreadyFoldedChangesNothing() {
        StatusRow opened = opened(Priority.HIGH);
        StatusRow assigned = then(new TicketAssigned(ID, "ana", null, SupportLevel.L1), Duration.ofMinutes(5),
                "OPERATOR");

        StatusRow replayed = EVOLUTION.fold(assigned, new TicketAssigned(ID, "ana", null, SupportLevel.L1),
                OPENED.plus(Duration.ofMinutes(5)), 1, 101, "OPERATOR");
        assertThat(replayed).isSameAs(assigned);
        assertThat(EVOLUTION.fold(assigned, new TicketOpened(ID, "TCK-000042", "acme",
                new Reporter("Marta", "m@acme.example", null), null, "VPN down", "Nobody can connect", null, null,
                TicketType.INCIDENT, Priority.HIGH, Channel.PHONE), OPENED, 0, 100, "OPERATOR")).isSameAs(assigned);
        assertThat(opened.version()).isZero();
    }

    @Test
    void anEventBeforeTheOpeningIsRefused() {
        assertThatThrownBy(() -> EVOLUTION.fold(null, new NoteAdded(ID, "hello", Visibility.PUBLIC), OPENED, 1, 1,
                "ENGINEER")).isInstanceOf(IllegalStateException.class).hasMessageContaining("before its opening");
    }
}
