package com.ticketledger.command.ticket;

import com.ticketledger.events.Visibility;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Record something on the ticket.
 *
 * @param personalData the text holds the reporter's personal data (an OPERATOR's judgement): it is encrypted
 *                     under the reporter's key, and erased with the rest of their data
 */
public record AddNote(
        @TargetAggregateIdentifier UUID ticketId,
        String text,
        Visibility visibility,
        Actor actor,
        Long expectedVersion,
        boolean personalData) implements TicketCommand {

    /** A note not marked as personal data. */
    public AddNote(UUID ticketId, String text, Visibility visibility, Actor actor, Long expectedVersion) {
        this(ticketId, text, visibility, actor, expectedVersion, false);
    }
}
