package com.ticketledger.command.recording;

import java.util.UUID;

/**
 * A command whose event is committed.
 *
 * @param version  the sequence number of the event it wrote (a new ticket is at version 0)
 * @param position the event's global position in the ledger
 * @param created  true when the answer is 201 Created with the ticket's Location: the command opened the ticket,
 *                 or took it from a queue
 */
public record Recorded(UUID ticketId, String number, long version, long position, boolean created) {
}
