package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.sla.SlaPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code ticket_status}: the ticket as its events left it, and the SLA clock's stored instants.
 *
 * @param version                the sequence number of the last event applied
 * @param resolutionConsumed     open time the resolution clock ran before {@code resolutionRunningSince}
 * @param resolutionRunningSince when the resolution clock last started running; {@code null} while stopped
 * @param resolvedAt             when the ticket was last marked pending closure; {@code null} while running
 * @param vendorCaseRef          the vendor's case reference, once the ticket was escalated to VENDOR
 * @param vendorEscalatedAt      when it was escalated to VENDOR (the VENDOR queue's order)
 * @param category               the sub-category within the type, or {@code null}
 * @param resolutionPauses       the resolution clock's completed stops (pending closure until reopening), oldest
 *                               first: what a reclassification needs to measure the clock again from the opening
 * @param autoAcceptAt           while PENDING_CLOSURE, when the ledger accepts the resolution itself unless the
 *                               client answers first; {@code null} otherwise, and for a pending closure recorded
 *                               before automatic acceptance existed
 * @param updateClock            the update (keep-in-loop) clock: its current or last window, its deadlines, and
 *                               the windows closed so far
 * @param slaPolicy              the SLA policy the ticket is measured by (its opening's stamp), e.g. {@code standard}
 * @param slaPolicyVersion       that policy's version in force at the opening: every clock of the row, also after
 *                               a reclassification, is counted by it
 */
public record StatusRow(
        UUID ticketId,
        String number,
        String clientId,
        String title,
        TicketType type,
        Priority priority,
        TicketStatus status,
        SupportLevel level,
        String assignee,
        Instant openedAt,
        Instant updatedAt,
        int reopenCount,
        long version,
        long openedPosition,
        long lastPosition,
        Instant respondedAt,
        Instant responseAtRiskAt,
        Instant responseDueAt,
        Duration resolutionConsumed,
        Instant resolutionRunningSince,
        Instant resolutionAtRiskAt,
        Instant resolutionDueAt,
        Instant resolvedAt,
        String vendorCaseRef,
        Instant vendorEscalatedAt,
        String category,
        List<SlaPolicy.Pause> resolutionPauses,
        Instant autoAcceptAt,
        SlaPolicy.UpdateClock updateClock,
        String slaPolicy,
        int slaPolicyVersion) {

    public StatusRow {
        resolutionPauses = resolutionPauses == null ? List.of() : List.copyOf(resolutionPauses);
    }

    /** Whether the update clock runs: not while PENDING_CLOSURE, CLOSED or CANCELLED. */
    boolean updateRunning() {
        return status == TicketStatus.OPEN || status == TicketStatus.ASSIGNED;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A changed copy of a row (the fields an event moves). */
    static final class Builder {
        private final StatusRow from;
        private TicketStatus status;
        private SupportLevel level;
        private String assignee;
        private int reopenCount;
        private Instant respondedAt;
        private Duration resolutionConsumed;
        private Instant resolutionRunningSince;
        private Instant resolutionAtRiskAt;
        private Instant resolutionDueAt;
        private Instant resolvedAt;
        private String vendorCaseRef;
        private Instant vendorEscalatedAt;
        private TicketType type;
        private Priority priority;
        private String category;
        private Instant responseAtRiskAt;
        private Instant responseDueAt;
        private List<SlaPolicy.Pause> resolutionPauses;
        private Instant autoAcceptAt;
        private SlaPolicy.UpdateClock updateClock;

        private Builder(StatusRow from) {
            this.from = from;
            status = from.status;
            level = from.level;
            assignee = from.assignee;
            reopenCount = from.reopenCount;
            respondedAt = from.respondedAt;
            resolutionConsumed = from.resolutionConsumed;
            resolutionRunningSince = from.resolutionRunningSince;
            resolutionAtRiskAt = from.resolutionAtRiskAt;
            resolutionDueAt = from.resolutionDueAt;
            resolvedAt = from.resolvedAt;
            vendorCaseRef = from.vendorCaseRef;
            vendorEscalatedAt = from.vendorEscalatedAt;
            type = from.type;
            priority = from.priority;
            category = from.category;
            responseAtRiskAt = from.responseAtRiskAt;
            responseDueAt = from.responseDueAt;
            resolutionPauses = from.resolutionPauses;
            autoAcceptAt = from.autoAcceptAt;
            updateClock = from.updateClock;
        }

        Builder updateClock(SlaPolicy.UpdateClock value) {
            updateClock = value;
            return this;
        }

        Builder classification(Priority newPriority, TicketType newType, String newCategory) {
            priority = newPriority;
            type = newType;
            category = newCategory;
            return this;
        }

        Builder responseClock(Instant atRiskAt, Instant dueAt) {
            responseAtRiskAt = atRiskAt;
            responseDueAt = dueAt;
            return this;
        }

        /** The resolution clock stopped at {@code from} (pending closure) runs again from {@code to}. */
        Builder paused(Instant pausedFrom, Instant resumedAt) {
            List<SlaPolicy.Pause> more = new ArrayList<>(resolutionPauses);
            more.add(new SlaPolicy.Pause(pausedFrom, resumedAt));
            resolutionPauses = more;
            return this;
        }

        Builder status(TicketStatus value) {
            status = value;
            return this;
        }

        Builder level(SupportLevel value) {
            level = value;
            return this;
        }

        Builder assignee(String value) {
            assignee = value;
            return this;
        }

        Builder reopened() {
            reopenCount++;
            return this;
        }

        Builder respondedAt(Instant value) {
            respondedAt = value;
            return this;
        }

        Builder resolutionClock(Duration consumed, Instant runningSince, Instant atRiskAt, Instant dueAt) {
            resolutionConsumed = consumed;
            resolutionRunningSince = runningSince;
            resolutionAtRiskAt = atRiskAt;
            resolutionDueAt = dueAt;
            return this;
        }

        Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        Builder autoAcceptAt(Instant value) {
            autoAcceptAt = value;
            return this;
        }

        Builder escalatedToVendor(String caseRef, Instant at) {
            vendorCaseRef = caseRef;
            vendorEscalatedAt = at;
            return this;
        }

        /** The row after an event at {@code at}, sequence {@code version}, global {@code position}. */
        StatusRow build(Instant at, long version, long position) {
            return new StatusRow(from.ticketId, from.number, from.clientId, from.title, type, priority,
                    status, level, assignee, from.openedAt, at, reopenCount, version, from.openedPosition, position,
                    respondedAt, responseAtRiskAt, responseDueAt, resolutionConsumed,
                    resolutionRunningSince, resolutionAtRiskAt, resolutionDueAt, resolvedAt, vendorCaseRef, vendorEscalatedAt, category,
                    resolutionPauses, autoAcceptAt, updateClock, from.slaPolicy, from.slaPolicyVersion);
        }
    }

    /** Incidents come before requests and changes in every queue (docs/domain.md, "Queues"). */
    static int typeRank(TicketType type) {
        return type == TicketType.INCIDENT ? 0 : 1;
    }

    /** CRITICAL > HIGH > MEDIUM > LOW: the enum's declaration order. */
    static int priorityRank(Priority priority) {
        return priority.ordinal();
    }
}
