package com.ticketledger.sla;

import java.time.Instant;

/**
 * When a ticket left pending closure is accepted by the ledger itself, and when its client is warned of it.
 *
 * @param warningAt one business day of the ticket's calendar before {@code acceptAt}, or the start of the wait
 *                  itself when the whole period is shorter than a business day (never earlier than the start)
 * @param acceptAt  the end of the acceptance period, counted in open time of the ticket's calendar
 */
public record AcceptanceWindow(Instant warningAt, Instant acceptAt) {
}
