package com.ticketledger.command.ticket;

import com.ticketledger.events.Priority;
import com.ticketledger.sla.AcceptanceWindow;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.sla.SlaTarget;

import java.time.Instant;
import java.util.Objects;

/**
 * How long a ticket waits for its client in PENDING_CLOSURE before the ledger accepts it itself
 * ({@code ledger.closure.auto-accept-after}, business time of the ticket's priority calendar of {@code ledger.sla.*}).
 * Injected into the aggregate's handler by Axon, like {@link ReopeningPolicy}.
 */
public record AutoAcceptancePolicy(SlaPolicy sla, SlaTarget period) {

    public AutoAcceptancePolicy {
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(period, "period");
    }

    /** The acceptance and its warning for a ticket of {@code priority} pending closure since {@code since}. */
    public AcceptanceWindow window(Priority priority, Instant since) {
        return sla.acceptanceWindow(priority, since, period);
    }
}
