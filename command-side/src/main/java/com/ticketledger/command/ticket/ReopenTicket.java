package com.ticketledger.command.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The client is not satisfied, or the problem came back.
 *
 * @param requestedAt when the client asked, to judge the reopening window of a closed ticket
 */
public record ReopenTicket(
        @TargetAggregateIdentifier UUID ticketId,
        String reason,
        Instant requestedAt,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
