package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ticket_status}: the ticket as its events left it, and the SLA clock's stored instants.
 *
 * @param version                the sequence number of the last event applied
 * @param resolutionConsumed     open time the resolution clock ran before {@code resolutionRunningSince}
 * @param resolutionRunningSince when the resolution clock last started running; {@code null} while stopped
 * @param resolvedAt             when the ticket was last marked pending closure; {@code null} while running
 */
record StatusRow(
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
        Instant resolvedAt) {

    /** Incidents come before requests and changes in every queue (DOMAIN.md, "Queues"). */
    static int typeRank(TicketType type) {
        return type == TicketType.INCIDENT ? 0 : 1;
    }

    /** CRITICAL > HIGH > MEDIUM > LOW: the enum's declaration order. */
    static int priorityRank(Priority priority) {
        return priority.ordinal();
    }
}
