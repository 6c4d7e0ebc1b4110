package com.ticketledger.command.ticket;

import com.ticketledger.events.CancellationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Cancel the ticket: withdrawn by its client, or closed by the desk without a resolution.
 *
 * @param duplicateOf the original ticket's id, exactly when {@code reason} is DUPLICATE
 */
public record CancelTicket(
        @TargetAggregateIdentifier UUID ticketId,
        CancellationReason reason,
        UUID duplicateOf,
        String note,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
