package com.ticketledger.query.status;

import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
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
import com.ticketledger.events.Visibility;
import com.ticketledger.query.policy.SlaPolicies;
import com.ticketledger.sla.Deadlines;
import com.ticketledger.sla.SlaPolicy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How each event moves a ticket's status row: the one place the status view and its SLA clock are derived
 * from the ledger, used by the live projection, by the reports, and by the audit's state as of an instant.
 * The SLA clock (docs/domain.md): the response is the first assignment or the first public note by an engineer;
 * the resolution clock stops at pending closure and runs again on reopening; escalation resets nothing. A
 * reclassification gives the ticket its new priority's targets measured from the opening; a cancellation stops
 * its clocks for good. The update (keep-in-loop) clock starts a window at the opening, at each public note by
 * the desk while the ticket is open or assigned, and at a reopening; pending closure closes the current window
 * and pauses it. Every clock is counted by the policy version stamped on the ticket's opening ({@link SlaPolicies}),
 * kept in the row: a reclassification takes the new priority's targets of that same version.
 */
@Component
public class StatusEvolution {

    private final SlaPolicies policies;

    public StatusEvolution(SlaPolicies policies) {
        this.policies = policies;
    }

    /** The policy version a row's ticket is measured by: the one stamped on its opening. */
    public SlaPolicy policyOf(StatusRow row) {
        return policies.version(row.slaPolicy(), row.slaPolicyVersion());
    }

    /** The row of a ticket just opened, its clocks counted by the policy version stamped on the opening. */
    public StatusRow opened(TicketOpened event, Instant at, long sequence, long position) {
        SlaPolicy sla = policies.of(event);
        Deadlines response = sla.responseDeadlines(event.priority(), at);
        Deadlines resolution = sla.resolutionDeadlines(event.priority(), at, Duration.ZERO);
        return new StatusRow(event.ticketId(), event.number(), event.clientId(), event.title(), event.type(),
                event.priority(), TicketStatus.OPEN, SupportLevel.L1, null, at, at, 0, sequence, position, position,
                null, response.atRiskAt(), response.dueAt(), Duration.ZERO, at, resolution.atRiskAt(),
                resolution.dueAt(), null, null, null, event.category(), List.of(), null,
                sla.updateOpened(event.priority(), at), event.policyName(), event.policyVersion());
    }

    /**
     * The row after an event that follows the opening.
     *
     * @param actorRole the role of who did it (event metadata): an engineer's public note is a response
     */
    public StatusRow apply(StatusRow row, TicketEvent event, Instant at, long sequence, long position,
            String actorRole) {
        StatusRow.Builder next = row.toBuilder();
        SlaPolicy sla = policyOf(row);
        if (event instanceof TicketAssigned assigned) {
            next.status(TicketStatus.ASSIGNED).assignee(assigned.engineer()).respondedAt(firstResponse(row, at));
        } else if (event instanceof NoteAdded note) {
            if (Role.ENGINEER.name().equals(actorRole) && note.visibility() == Visibility.PUBLIC) {
                next.respondedAt(firstResponse(row, at));
            }
            if (row.updateRunning() && SlaPolicy.updatesTheClient(role(actorRole), note.visibility())) {
                next.updateClock(sla.updateGiven(row.priority(), row.updateClock(), at));
            }
        } else if (event instanceof TicketEscalated escalated) {
            next.level(escalated.toLevel()).assignee(escalated.engineer())
                    .status(escalated.engineer() == null ? TicketStatus.OPEN : TicketStatus.ASSIGNED);
            if (escalated.toLevel() == SupportLevel.VENDOR) {
                next.escalatedToVendor(escalated.vendorCaseRef(), at);
            }
        } else if (event instanceof TicketPendingClosure pending) {
            Duration consumed = consumedUntil(sla, row, at);
            next.status(TicketStatus.PENDING_CLOSURE).resolvedAt(at).autoAcceptAt(pending.autoAcceptAt())
                    .resolutionClock(consumed, null, row.resolutionAtRiskAt(), row.resolutionDueAt())
                    .updateClock(row.updateRunning() ? SlaPolicy.updatePaused(row.updateClock(), at) : row.updateClock());
        } else if (event instanceof ClosureAccepted) {
            next.status(TicketStatus.CLOSED).autoAcceptAt(null);
        } else if (event instanceof TicketReopened reopened) {
            Deadlines resolution = sla.resolutionDeadlines(row.priority(), at, row.resolutionConsumed());
            next.status(TicketStatus.ASSIGNED).assignee(reopened.engineer()).reopened().resolvedAt(null).autoAcceptAt(null)
                    .resolutionClock(row.resolutionConsumed(), at, resolution.atRiskAt(), resolution.dueAt())
                    .paused(row.resolvedAt(), at)
                    .updateClock(sla.updateResumed(row.priority(), row.updateClock(), at));
        } else if (event instanceof AttachmentAdded) {
            // a file attached changes no status and starts or stops no clock; the row moves to its version
        } else if (event instanceof TicketReclassified reclassified) {
            Priority priority = reclassified.toPriority();
            Deadlines response = sla.responseDeadlines(priority, row.openedAt());
            SlaPolicy.ResolutionClock resolution = sla.resolutionClock(priority, row.openedAt(),
                    row.resolutionPauses(), row.resolutionRunningSince() == null ? row.resolvedAt() : null);
            next.classification(priority, reclassified.toType(), reclassified.toCategory())
                    .responseClock(response.atRiskAt(), response.dueAt())
                    .resolutionClock(resolution.consumed(), resolution.runningSince(),
                            resolution.deadlines().atRiskAt(), resolution.deadlines().dueAt())
                    .updateClock(sla.updateClock(priority, row.updateClock().windows(), row.updateClock().since()));
        } else if (event instanceof TicketCancelled) {
            next.status(TicketStatus.CANCELLED).autoAcceptAt(null)
                    .resolutionClock(consumedUntil(sla, row, at), null, row.resolutionAtRiskAt(), row.resolutionDueAt());
        } else {
            throw new IllegalArgumentException("a ticket is opened once: " + event.getClass().getSimpleName());
        }
        return next.build(at, sequence, position);
    }

    /**
     * The fold: the row after {@code event}, from {@code row} as it was before it ({@code null} for an opening). A
     * row already at or past the event's sequence comes back as it is (a replayed event changes nothing). Pure: no
     * table is read or written here, so a projection, a report and the audit's "as of" fold alike.
     */
    public StatusRow fold(StatusRow row, TicketEvent event, Instant at, long sequence, long position,
            String actorRole) {
        if (event instanceof TicketOpened opened) {
            return row != null && row.version() >= sequence ? row : opened(opened, at, sequence, position);
        }
        if (row == null) {
            throw new IllegalStateException("ticket " + event.ticketId() + " has an event before its opening");
        }
        return row.version() < sequence ? apply(row, event, at, sequence, position, actorRole) : row;
    }

    /** The open time the resolution clock has consumed by {@code at}, stopping it there if it runs. */
    private static Duration consumedUntil(SlaPolicy sla, StatusRow row, Instant at) {
        return row.resolutionRunningSince() == null ? row.resolutionConsumed()
                : row.resolutionConsumed().plus(sla.consumed(row.priority(), row.resolutionRunningSince(), at));
    }

    /** The acting role as the event's metadata names it; {@code null} for none, or one this side does not know. */
    private static Role role(String actorRole) {
        for (Role role : Role.values()) {
            if (role.name().equals(actorRole)) {
                return role;
            }
        }
        return null;
    }

    private static Instant firstResponse(StatusRow row, Instant at) {
        return row.respondedAt() != null ? row.respondedAt() : at;
    }
}
