package com.ticketledger.command.ticket;

import com.ticketledger.sla.SlaTarget;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.closure.*}: how the ledger closes a ticket nobody answers for.
 *
 * @param autoAcceptAfter how long a ticket PENDING_CLOSURE waits for its client's acceptance or reopening before the
 *                        ledger accepts it itself, written like an SLA target ({@code 5d}: five business days of the
 *                        ticket's priority calendar; {@code 4h}, {@code 30m}, {@code 20s} are open time of it)
 */
@ConfigurationProperties("ledger.closure")
public record ClosureProperties(@DefaultValue("5d") SlaTarget autoAcceptAfter) {

    public ClosureProperties {
        if (autoAcceptAfter == null || autoAcceptAfter.amount() <= 0) {
            throw new IllegalArgumentException("ledger.closure.auto-accept-after must be a positive amount with its"
                    + " unit (e.g. 5d, 4h), not " + autoAcceptAfter);
        }
    }
}
