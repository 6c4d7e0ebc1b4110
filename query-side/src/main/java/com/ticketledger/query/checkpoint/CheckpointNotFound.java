package com.ticketledger.query.checkpoint;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No checkpoint of that tree size (none yet, or a size no checkpoint was recorded at): 404. */
class CheckpointNotFound extends ResponseStatusException {

    CheckpointNotFound(long treeSize) {
        super(HttpStatus.NOT_FOUND, "no checkpoint of " + treeSize + " events", null, "problem.checkpoint-not-found",
                new Object[] {treeSize});
    }

    /** There is no checkpoint at all yet. */
    CheckpointNotFound() {
        super(HttpStatus.NOT_FOUND, "no checkpoint yet", null, "problem.no-checkpoint-yet", null);
    }
}
