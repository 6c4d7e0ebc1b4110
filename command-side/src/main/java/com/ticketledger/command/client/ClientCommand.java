package com.ticketledger.command.client;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.events.ClientEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command on a client organisation's stream. */
public interface ClientCommand {

    String clientId();

    /** Who issues it. */
    Actor actor();

    /**
     * The version the caller last saw ({@code If-Match}); the command applies only at that version. {@code null}
     * applies it at whatever version the client is.
     */
    Long expectedVersion();

    /** The client's stream: {@code client:<clientId>}, never a ticket's. */
    @TargetAggregateIdentifier
    default String stream() {
        return ClientEvent.streamOf(clientId());
    }
}
