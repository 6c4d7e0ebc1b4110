package com.ticketledger.query.admin;

import com.ticketledger.events.Role;

import java.util.List;

/**
 * One projection's progress (docs/api.md).
 *
 * @param position     the lowest position every segment has passed
 * @param headPosition the newest event in the ledger
 * @param lag          events between the two
 * @param replaying    true while it is being rebuilt
 * @param progress     position / head, 0 to 1 (1 when the ledger is empty)
 * @param eventsPerSecond how fast its position moved over the last reads (10 s), null until two reads a second apart
 * @param etaSeconds   lag / events per second while it is behind and moving; 0 when it holds every event; null when
 *                     it is behind and not moving (or its speed is not known yet)
 * @param deadLetters  events it failed on, parked in its dead-letter queue (each ticket's later events wait behind)
 * @param rebuiltBy    the roles that may rebuild it: OPERATOR for every projection, ANALYST for reporting ones
 */
record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying, double progress,
        Double eventsPerSecond, Long etaSeconds, long deadLetters, List<Role> rebuiltBy) {
}
