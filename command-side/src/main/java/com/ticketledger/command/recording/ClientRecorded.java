package com.ticketledger.command.recording;

/**
 * A client command whose event is committed.
 *
 * @param version  the sequence number of the event it wrote (a new client is at version 0)
 * @param position the event's global position in the ledger
 * @param created  true when the answer is 201 Created with the client's Location: the command registered it
 */
public record ClientRecorded(String clientId, long version, long position, boolean created) {
}
