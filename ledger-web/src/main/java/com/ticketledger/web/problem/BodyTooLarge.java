package com.ticketledger.web.problem;

import java.io.IOException;

/** A request body went past the configured limit while it was being read. */
class BodyTooLarge extends IOException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
