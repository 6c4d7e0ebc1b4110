package com.ticketledger.query.status;

import com.ticketledger.events.TicketStatus;
import com.ticketledger.sla.Deadlines;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.sla.SlaState;

import java.time.Instant;

/**
 * The SLA block of a status view: the response, resolution and update (keep-in-loop) targets. Due instants are the ones in force: while the resolution clock is stopped
 * (PENDING_CLOSURE) {@code resolutionDueAt} is the due it had when it stopped, and it moves on reopening.
 *
 * @param respondedAt when the desk first responded (first assignment, or first public note by an engineer)
 * @param resolvedAt  when the ticket was last marked pending closure, while it is pending closure or closed
 * @param updateDueAt when the client is owed news: the due instant of the update clock's current window (while
 *                    the ticket is PENDING_CLOSURE or after, that of its last window)
 * @param lastUpdateAt when that window started: the opening, the last reopening or the desk's last public note
 * @param updateState  the update target's state: while running, the current window's; once stopped (pending
 *                     closure, closed) BREACHED if any window was late; CANCELLED once cancelled
 * @param lateUpdates  how many windows closed after their due instant (the client waited too long for news)
 * @param policy       the SLA policy version every due instant here is counted by: the one in force for the client's
 *                     contract when the ticket was opened, for all its life
 */
public record SlaView(
        Instant responseDueAt,
        Instant resolutionDueAt,
        Instant respondedAt,
        Instant resolvedAt,
        SlaState responseState,
        SlaState resolutionState,
        Instant updateDueAt,
        Instant lastUpdateAt,
        SlaState updateState,
        int lateUpdates,
        Policy policy) {

    /** A policy version: its name ({@code standard}) and version (1 for the first). */
    public record Policy(String name, int version) {
    }

    /**
     * The SLA block of a status row at {@code now}: every read and every report derives a ticket's SLA states here,
     * and only here. The states are decided at the time of reading against the due instants the row keeps. While the
     * ticket is PENDING_CLOSURE its resolution and update clocks are stopped: PAUSED unless they had breached before
     * stopping. Once CLOSED they are done (MET or BREACHED at the resolution); once CANCELLED, what was not done
     * before is CANCELLED.
     */
    public static SlaView of(StatusRow row, Instant now) {
        TicketStatus status = row.status();
        boolean pending = status == TicketStatus.PENDING_CLOSURE;
        boolean closed = status == TicketStatus.CLOSED;
        boolean cancelled = status == TicketStatus.CANCELLED;
        Deadlines response = new Deadlines(row.responseAtRiskAt(), row.responseDueAt());
        Deadlines resolution = new Deadlines(row.resolutionAtRiskAt(), row.resolutionDueAt());
        return new SlaView(row.responseDueAt(), row.resolutionDueAt(), row.respondedAt(), row.resolvedAt(),
                SlaPolicy.state(response, row.respondedAt(), null, cancelled, now),
                SlaPolicy.state(resolution, closed ? row.resolvedAt() : null, pending ? row.resolvedAt() : null,
                        cancelled, now),
                row.updateClock().deadlines().dueAt(), row.updateClock().since(),
                SlaPolicy.updateState(row.updateClock(), pending, closed, cancelled, now),
                row.updateClock().lateWindows(), new Policy(row.slaPolicy(), row.slaPolicyVersion()));
    }
}
