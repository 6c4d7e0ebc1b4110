package com.ticketledger.query.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** The projection has no dead letter of this ticket: 404, its detail the text {@code problem.dead-letters-not-found}. */
class DeadLettersNotFound extends ResponseStatusException {

    DeadLettersNotFound(String projection, UUID ticketId) {
        super(HttpStatus.NOT_FOUND, "the " + projection + " projection has no dead letter of ticket " + ticketId, null,
                "problem.dead-letters-not-found", new Object[] {projection, ticketId});
    }
}
