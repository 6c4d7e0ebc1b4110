package com.ticketledger.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The engineer recorded a resolution and the client is asked to accept it. The resolution clock stops here.
 *
 * @param ticketId            the ticket
 * @param resolution          what was done to solve the problem
 * @param autoAcceptAt        when the ledger accepts the resolution itself if the client has neither accepted nor
 *                            reopened by then, decided once here from the acceptance period and the ticket's calendar;
 *                            {@code null} for events recorded before automatic acceptance existed (they wait for
 *                            the client, as they did when they were written)
 * @param autoAcceptWarningAt when the client is reminded that the automatic acceptance is near (one business day
 *                            before it), or {@code null} with {@code autoAcceptAt}
 */
public record TicketPendingClosure(UUID ticketId, String resolution, Instant autoAcceptAt,
        Instant autoAcceptWarningAt) implements TicketEvent {

    /** A pending closure without automatic acceptance, as every one recorded before it existed. */
    public TicketPendingClosure(UUID ticketId, String resolution) {
        this(ticketId, resolution, null, null);
    }
}
