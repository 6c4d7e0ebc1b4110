package com.ticketledger.command.recording;

import com.ticketledger.command.client.ClientVersion;
import com.ticketledger.command.policy.PolicyVersion;
import com.ticketledger.command.ticket.TicketVersion;

import java.util.UUID;

/**
 * What a committed command changed, as its Idempotency-Key record keeps it: a ticket (its id and number), a
 * client (its id) or an SLA policy (its name), and the version after the command.
 */
record Committed(UUID ticketId, String ticketNumber, String clientId, String policy, long version) {

    static Committed of(TicketVersion ticket) {
        return new Committed(ticket.ticketId(), ticket.number(), null, null, ticket.version());
    }

    static Committed of(ClientVersion client) {
        return new Committed(null, null, client.clientId(), null, client.version());
    }

    static Committed of(PolicyVersion policy) {
        return new Committed(null, null, null, policy.name(), policy.version());
    }

    PolicyVersion policyVersion() {
        if (policy == null) {
            throw new IllegalStateException("the key was used for a command on " + (clientId == null
                    ? "ticket " + ticketNumber : "client " + clientId));
        }
        return new PolicyVersion(policy, (int) version);
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
