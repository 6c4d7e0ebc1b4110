package com.ticketledger.command.ticket;

import com.ticketledger.events.SupportLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Assign (or re-assign) the ticket to an engineer.
 *
 * @param engineerLevel the support level of the named engineer, looked up in the user directory
 */
public record AssignTicket(
        @TargetAggregateIdentifier UUID ticketId,
        String engineer,
        SupportLevel engineerLevel,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
