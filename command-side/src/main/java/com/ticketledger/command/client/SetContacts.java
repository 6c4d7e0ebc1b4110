package com.ticketledger.command.client;

import com.ticketledger.command.ticket.Actor;

import java.util.List;

/** Set who speaks for the client, replacing the contacts before. */
public record SetContacts(
        String clientId,
        List<String> representatives,
        String focalPointName,
        String focalPointEmail,
        String areaManagerEmail,
        List<String> escalationEmails,
        Actor actor,
        Long expectedVersion) implements ClientCommand {
}
