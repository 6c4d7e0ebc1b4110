package com.ticketledger.command.client;

/**
 * What a client command answers: the client and its version after the command's event.
 *
 * @param version the sequence number of the client's last event (a new client is at version 0)
 */
public record ClientVersion(String clientId, long version) {
}
