package com.ticketledger.command.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The client accepts the resolution; the ticket closes. */
public record AcceptClosure(
        @TargetAggregateIdentifier UUID ticketId,
        String comment,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
