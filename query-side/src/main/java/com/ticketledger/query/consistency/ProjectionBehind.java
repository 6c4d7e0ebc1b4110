package com.ticketledger.query.consistency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;

/**
 * The projection did not reach the position asked for within the wait: 503, try again shortly. Its detail is
 * the text {@code problem.projection-behind} in the reader's language.
 */
public class ProjectionBehind extends ResponseStatusException {

    ProjectionBehind(String projection, long position, Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the " + projection + " projection has not reached position " + position
                + " within " + waited.toMillis() + " ms; retry shortly", null, "problem.projection-behind",
                new Object[] {projection, Long.toString(position), Long.toString(waited.toMillis())});
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }
}
