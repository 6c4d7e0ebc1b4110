package com.ticketledger.query.sla;

import java.time.Instant;

/**
 * The two instants of a running target: when 80 % of its allowed open time is used, and when all of it is.
 * They move only when an event moves the clock, so they are stored; the state is decided when read.
 */
public record Deadlines(Instant atRiskAt, Instant dueAt) {
}
