package com.ticketledger.query.admin;

import com.ticketledger.events.Role;

import java.time.Instant;
import java.util.List;

/**
 * One projection's progress (docs/api.md).
 *
 * @param position     the lowest position every segment has passed
 * @param headPosition the newest event in the ledger
 * @param lag          events between the two
 * @param replaying    true while it is being rebuilt (its reads answer from the live tables meanwhile, complete and
 *                     current, unless the live processor itself replays, as after a migration that reset it)
 * @param progress     position / head, 0 to 1 (1 when the ledger is empty)
 * @param eventsPerSecond how fast its position moved over the last reads (10 s), null until two reads a second apart
 * @param etaSeconds   lag / events per second while it is behind and moving; 0 when it holds every event; null when
 *                     it is behind and not moving (or its speed is not known yet)
 * @param deadLetters  events it failed on, parked in its dead-letter queue (each ticket's later events wait behind)
 * @param rebuiltBy    the roles that may rebuild it: OPERATOR for every projection, ANALYST for reporting ones
 * @param rebuild      the rebuild under way on this instance, null when there is none
 */
record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying, double progress,
        Double eventsPerSecond, Long etaSeconds, long deadLetters, List<Role> rebuiltBy, Rebuild rebuild) {

    /**
     * A rebuild's own progress: the copies of the tables it fills, which take the live tables' place at the end.
     *
     * @param phase           FILLING (reading the ledger), INDEXING (holds the head; the read-only indexes built),
     *                        CATCHING_UP (reads what came meanwhile), SWAPPING (takes the live tables' place)
     * @param startedAt       when it started
     * @param position        the lowest position every segment of the rebuild has passed
     * @param progress        position / head, 0 to 1
     * @param eventsPerSecond how fast its position moved over the last reads (10 s), null until known
     * @param etaSeconds      its lag / events per second; 0 once it holds the head; null while not known
     */
    record Rebuild(String phase, Instant startedAt, long position, double progress, Double eventsPerSecond,
            Long etaSeconds) {
    }
}
