package com.ticketledger.command.ticket;

import com.ticketledger.events.SupportLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The engineer takes this ticket as the head of {@code level}'s queue. The queue chose the ticket, not the
 * engineer: the ticket accepts only while it is still waiting there (OPEN, unassigned, at that level), so a
 * ticket that moved on in the meantime is refused and the next one is tried.
 */
public record TakeFromQueue(
        @TargetAggregateIdentifier UUID ticketId,
        SupportLevel level,
        Actor actor) implements TicketCommand {

    /** The queue's head is taken as it is: the caller never saw a version of it. */
    @Override
    public Long expectedVersion() {
        return null;
    }
}
