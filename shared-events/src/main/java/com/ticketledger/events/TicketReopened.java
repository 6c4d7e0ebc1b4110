package com.ticketledger.events;

import java.util.UUID;

/**
 * The client was not satisfied (or the problem came back within the reopening window): the ticket is
 * ASSIGNED again, to the same engineer, and its resolution clock runs again.
 *
 * @param ticketId   the ticket
 * @param reason     why the client reopened it
 * @param fromStatus PENDING_CLOSURE or CLOSED
 * @param engineer   the engineer it goes back to
 */
public record TicketReopened(UUID ticketId, String reason, TicketStatus fromStatus, String engineer)
        implements TicketEvent {
}
