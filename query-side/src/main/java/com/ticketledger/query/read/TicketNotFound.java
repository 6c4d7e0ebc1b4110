package com.ticketledger.query.read;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/**
 * No such ticket, or one the reader may not know exists: the same 404 either way. Its detail is the text
 * {@code problem.ticket-not-found} in the reader's language.
 */
public class TicketNotFound extends ResponseStatusException {

    public TicketNotFound(UUID ticketId) {
        super(HttpStatus.NOT_FOUND, "no ticket " + ticketId, null, "problem.ticket-not-found",
                new Object[] {ticketId.toString()});
    }

    /** The same 404 for a ticket asked for by its number ({@code TCK-000123}). */
    public TicketNotFound(String number) {
        super(HttpStatus.NOT_FOUND, "no ticket " + number, null, "problem.ticket-not-found", new Object[] {number});
    }
}
