package com.ticketledger.events;

import java.util.UUID;

/**
 * The engineer recorded a resolution and the client is asked to accept it. The resolution clock stops here.
 *
 * @param ticketId   the ticket
 * @param resolution what was done to solve the problem
 */
public record TicketPendingClosure(UUID ticketId, String resolution) implements TicketEvent {
}
