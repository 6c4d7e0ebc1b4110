package com.ticketledger.command.ticket;

import java.time.Duration;

/**
 * How long after its closure a client may still reopen a ticket (docs/domain.md: 30 days, configurable).
 * Injected into the aggregate's handler by Axon.
 */
public record ReopeningPolicy(Duration window) {
}
