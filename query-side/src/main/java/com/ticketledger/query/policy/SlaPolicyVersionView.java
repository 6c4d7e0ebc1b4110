package com.ticketledger.query.policy;

import com.ticketledger.events.SlaPolicyTerms;

import java.time.Instant;

/**
 * One version of an SLA policy, as the ledger keeps it.
 *
 * @param version   1 for the first, one more for each change
 * @param terms     everything this version promises: targets per priority, calendars, automatic acceptance, reopening
 *                  window, at-risk share
 * @param definedAt when it was defined; tickets opened from then on (until the next version) are measured by it
 * @param definedBy who defined it: the user the event's metadata names ({@code system} for what the ledger wrote by
 *                  itself)
 * @param reason    why, as the operator said, or {@code null}
 */
public record SlaPolicyVersionView(String name, int version, SlaPolicyTerms terms, Instant definedAt,
        String definedBy, String reason) {
}
