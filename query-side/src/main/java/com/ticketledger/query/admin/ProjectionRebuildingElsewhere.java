package com.ticketledger.query.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Another query-side instance holds the projection's rebuild (one at a time across instances): 409, its detail the
 * text {@code problem.projection-rebuilding-elsewhere}.
 */
class ProjectionRebuildingElsewhere extends ResponseStatusException {

    ProjectionRebuildingElsewhere(String name) {
        super(HttpStatus.CONFLICT, "another instance is rebuilding '" + name + "'", null,
                "problem.projection-rebuilding-elsewhere", new Object[] {name});
    }
}
