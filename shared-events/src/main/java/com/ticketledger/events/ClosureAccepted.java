package com.ticketledger.events;

import java.util.UUID;

/**
 * The resolution was accepted; the ticket is CLOSED. Its timestamp starts the reopening window.
 *
 * @param ticketId  the ticket
 * @param comment   the client's comment, or {@code null}
 * @param automatic {@code true} when nobody answered within the acceptance period and the ledger accepted it
 *                  itself (the actor in the metadata is then {@code system}); {@code false} when a person accepted
 */
public record ClosureAccepted(UUID ticketId, String comment, Boolean automatic) implements TicketEvent {

    /**
     * Events recorded before {@code automatic} existed do not carry it, and every one of them was a person's: they
     * load as {@code false}, so the added field needs no new revision. (A {@code Boolean}, not a {@code boolean}:
     * the strict reading of JSON refuses a missing primitive; it is never {@code null} once built.)
     */
    public ClosureAccepted {
        automatic = Boolean.TRUE.equals(automatic);
    }

    /** An acceptance by a person. */
    public ClosureAccepted(UUID ticketId, String comment) {
        this(ticketId, comment, false);
    }
}
