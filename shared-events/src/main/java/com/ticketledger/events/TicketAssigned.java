package com.ticketledger.events;

import java.util.UUID;

/**
 * An engineer took responsibility for the ticket (first assignment or re-assignment); the ticket is ASSIGNED.
 *
 * @param ticketId         the ticket
 * @param engineer         the user name of the engineer now assigned
 * @param previousEngineer who was assigned before, or {@code null} when nobody was
 * @param level            the level the ticket is at
 */
public record TicketAssigned(UUID ticketId, String engineer, String previousEngineer, SupportLevel level)
        implements TicketEvent {
}
