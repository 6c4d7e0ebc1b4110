package com.ticketledger.query.status;

import com.ticketledger.sla.SlaState;

import java.time.Instant;

/**
 * The SLA block of a status view. Due instants are the ones in force: while the resolution clock is stopped
 * (PENDING_CLOSURE) {@code resolutionDueAt} is the due it had when it stopped, and it moves on reopening.
 *
 * @param respondedAt when the desk first responded (first assignment, or first public note by an engineer)
 * @param resolvedAt  when the ticket was last marked pending closure, while it is pending closure or closed
 */
public record SlaView(
        Instant responseDueAt,
        Instant resolutionDueAt,
        Instant respondedAt,
        Instant resolvedAt,
        SlaState responseState,
        SlaState resolutionState) {
}
