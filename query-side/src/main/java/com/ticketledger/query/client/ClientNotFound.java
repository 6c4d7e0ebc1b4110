package com.ticketledger.query.client;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * No such client, or one the reader may not know exists (another organisation's, for a CLIENT): the same 404
 * either way. Its detail is the text {@code problem.client-not-found} in the reader's language.
 */
public class ClientNotFound extends ResponseStatusException {

    public ClientNotFound(String clientId) {
        super(HttpStatus.NOT_FOUND, "no client " + clientId, null, "problem.client-not-found",
                new Object[] {clientId});
    }
}
