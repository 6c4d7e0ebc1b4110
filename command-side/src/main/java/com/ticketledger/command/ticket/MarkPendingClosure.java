package com.ticketledger.command.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Record the resolution and ask the client to accept it. */
public record MarkPendingClosure(
        @TargetAggregateIdentifier UUID ticketId,
        String resolution,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
