package com.ticketledger.query.policy;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No such policy, or no such version of it. Its detail is {@code problem.sla-policy-not-found} in the reader's language. */
public class SlaPolicyNotFound extends ResponseStatusException {

    public SlaPolicyNotFound(String name) {
        super(HttpStatus.NOT_FOUND, "no SLA policy " + name, null, "problem.sla-policy-not-found",
                new Object[] {name});
    }

    public SlaPolicyNotFound(String name, long version) {
        super(HttpStatus.NOT_FOUND, "no version " + version + " of the SLA policy " + name, null,
                "problem.sla-policy-version-not-found", new Object[] {name, version});
    }
}
