package com.ticketledger.sla;

import java.time.Instant;

/**
 * The instant a target becomes at risk (80 % of its open time consumed) and the instant it is due (100 %).
 * They move only when an event moves the clock (opening, pending closure, reopening), so the projection stores
 * them; whether the target is RUNNING, AT_RISK or BREACHED is decided when it is read ({@link SlaPolicy#state}).
 */
public record Deadlines(Instant atRiskAt, Instant dueAt) {
}
