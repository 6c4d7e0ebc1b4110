package com.ticketledger.command.ticket;

import com.ticketledger.events.Visibility;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Record something on the ticket. */
public record AddNote(
        @TargetAggregateIdentifier UUID ticketId,
        String text,
        Visibility visibility,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
