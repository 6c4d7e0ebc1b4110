package com.ticketledger.web.problem;

import java.io.IOException;

/** A request body went past the configured limit while it was being read. */
class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
