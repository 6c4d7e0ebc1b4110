package com.ticketledger.command.recording;

/**
 * A command on an SLA policy whose event is committed.
 *
 * @param version  the version it defined (1 for a new policy)
 * @param position the event's global position in the ledger
 * @param created  true when the answer is 201 Created with the policy's Location: the command defined it
 */
public record PolicyRecorded(String name, int version, long position, boolean created) {
}
