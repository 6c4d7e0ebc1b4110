package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;

import java.time.Instant;
import java.util.UUID;

/**
 * The status view of docs/api.md: a ticket as it stands, with its SLA block evaluated at the time of reading.
 *
 * @param vendorCaseRef     the vendor's case reference once the ticket went to VENDOR, else {@code null}
 * @param vendorEscalatedAt when it went to VENDOR, else {@code null}
 * @param category the sub-category within the type, or {@code null}
 * @param autoAcceptAt      while PENDING_CLOSURE, when the ledger accepts the resolution itself unless the client
 *                          accepts or reopens first; {@code null} otherwise (and for a pending closure recorded
 *                          before automatic acceptance existed, which waits for the client)
 */
public record TicketStatusView(
        UUID ticketId,
        String number,
        String clientId,
        String title,
        TicketType type,
        Priority priority,
        String category,
        TicketStatus status,
        SupportLevel level,
        String assignee,
        Instant openedAt,
        Instant updatedAt,
        int reopenCount,
        long version,
        SlaView sla,
        String vendorCaseRef,
        Instant vendorEscalatedAt,
        Instant autoAcceptAt) {
}
