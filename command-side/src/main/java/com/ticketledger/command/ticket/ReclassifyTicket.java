package com.ticketledger.command.ticket;

import com.ticketledger.events.Priority;
import com.ticketledger.events.TicketType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Correct the ticket's priority, type or category; a field left {@code null} keeps its value, and at least one
 * must change.
 */
public record ReclassifyTicket(
        @TargetAggregateIdentifier UUID ticketId,
        Priority priority,
        TicketType type,
        String category,
        String reason,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
