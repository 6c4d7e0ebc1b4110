package com.ticketledger.query.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No projection has this name: 404, its detail the text {@code problem.projection-not-found}. */
class ProjectionNotFound extends ResponseStatusException {

    ProjectionNotFound(String name) {
        super(HttpStatus.NOT_FOUND, "no projection named '" + name + "'", null, "problem.projection-not-found",
                new Object[] {name});
    }
}
