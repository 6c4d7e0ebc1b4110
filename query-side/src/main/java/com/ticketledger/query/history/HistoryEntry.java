package com.ticketledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.Visibility;

import java.time.Instant;

/**
 * One entry of a ticket's timeline (docs/api.md: position, at, type, actor, summary, details).
 *
 * @param actor      the user name of the person who did it
 * @param actorRole  their role at the time
 * @param visibility PUBLIC, or INTERNAL for desk-only notes
 * @param details    the event's own fields
 */
record HistoryEntry(
        long position,
        Instant at,
        String type,
        String actor,
        String actorRole,
        Visibility visibility,
        String summary,
        JsonNode details) {
}
