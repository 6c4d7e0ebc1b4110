package com.ticketledger.command.client;

import com.ticketledger.command.ticket.Actor;

/** Register a client organisation with the desk: its id, name, language and time zone. */
public record RegisterClient(String clientId, String name, String language, String timeZone, Actor actor)
        implements ClientCommand {

    /** A registration makes a new stream: there is no version to name. */
    @Override
    public Long expectedVersion() {
        return null;
    }
}
