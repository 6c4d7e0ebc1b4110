package com.ticketledger.query.checkpoint;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** The ticket has no event of that sequence, or the event is not in the checkpoint asked for yet: 404. */
class EventNotFound extends ResponseStatusException {

    private EventNotFound(String reason, String key, Object... arguments) {
        super(HttpStatus.NOT_FOUND, reason, null, key, arguments);
    }

    static EventNotFound noSuchEvent(UUID ticketId, long sequence) {
        return new EventNotFound("no event " + sequence + " of ticket " + ticketId, "problem.event-not-found",
                ticketId.toString(), sequence);
    }

    static EventNotFound notInCheckpoint(UUID ticketId, long sequence, long treeSize) {
        return new EventNotFound("event " + sequence + " of ticket " + ticketId + " is not in the checkpoint of "
                + treeSize + " events", "problem.event-not-checkpointed", ticketId.toString(), sequence, treeSize);
    }
}
