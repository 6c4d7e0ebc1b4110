package com.ticketledger.command.ticket;

import com.ticketledger.events.Channel;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.TicketType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Open a ticket for one problem. The id and the number are handed out before the command is sent.
 *
 * @param category    the sub-category within the type, one of {@code ledger.tickets.categories}, or {@code null}
 * @param requestedAt when it was asked for: the client's contract must be in force on that day
 */
public record OpenTicket(
        @TargetAggregateIdentifier UUID ticketId,
        String number,
        String clientId,
        Reporter reporter,
        String affectedService,
        String title,
        String description,
        Integer affectedUsers,
        Instant occurredAt,
        TicketType type,
        Priority priority,
        Channel channel,
        String category,
        Actor actor,
        Instant requestedAt) {

    /** An opening without a category. */
    public OpenTicket(UUID ticketId, String number, String clientId, Reporter reporter, String affectedService,
            String title, String description, Integer affectedUsers, Instant occurredAt, TicketType type,
            Priority priority, Channel channel, Actor actor, Instant requestedAt) {
        this(ticketId, number, clientId, reporter, affectedService, title, description, affectedUsers, occurredAt,
                type, priority, channel, null, actor, requestedAt);
    }
}
