package com.ticketledger.command.recording;

import com.ticketledger.command.client.ClientVersion;
import com.ticketledger.command.ticket.TicketVersion;

import java.util.UUID;

/**
 * What a committed command changed, as its Idempotency-Key record keeps it: a ticket (its id and number) or a
 * client (its id), and the version after the command.
 */
record Committed(UUID ticketId, String ticketNumber, String clientId, long version) {

    static Committed of(TicketVersion ticket) {
        return new Committed(ticket.ticketId(), ticket.number(), null, ticket.version());
    }

    static Committed of(ClientVersion client) {
        return new Committed(null, null, client.clientId(), client.version());
    }

    TicketVersion ticket() {
        if (ticketId == null) {
            throw new IllegalStateException("the key was used for a command on client " + clientId);
        }
        return new TicketVersion(ticketId, ticketNumber, version);
    }

    ClientVersion client() {
        if (clientId == null) {
            throw new IllegalStateException("the key was used for a command on ticket " + ticketNumber);
        }
        return new ClientVersion(clientId, version);
    }
}
