package com.ticketledger.command.ticket;

import java.util.UUID;

/**
 * What a command handler answers: the ticket and its version after the command's event.
 *
 * @param version the sequence number of the ticket's last event (a new ticket is at version 0)
 */
public record TicketVersion(UUID ticketId, String number, long version) {
}
