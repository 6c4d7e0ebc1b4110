package com.ticketledger.events;

import java.util.UUID;

/**
 * The client accepted the resolution; the ticket is CLOSED. Its timestamp starts the reopening window.
 *
 * @param ticketId the ticket
 * @param comment  the client's comment, or {@code null}
 */
public record ClosureAccepted(UUID ticketId, String comment) implements TicketEvent {
}
