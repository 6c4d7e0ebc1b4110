package com.ticketledger.command.ticket;

import com.ticketledger.events.SupportLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Escalate the ticket to the level right above its own; VENDOR needs the vendor's case reference. */
public record EscalateTicket(
        @TargetAggregateIdentifier UUID ticketId,
        SupportLevel toLevel,
        String reason,
        String vendorCaseRef,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
