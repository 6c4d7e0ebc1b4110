package com.ticketledger.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.closure.*}: how the ledger closes a ticket nobody answers for. Both sides read it, like
 * {@code ledger.sla.*}: the command side decides the automatic acceptance with it, the query side names the period
 * in the history and on the pages; its default is in {@code sla-defaults.yml}.
 *
 * @param autoAcceptAfter how long a ticket PENDING_CLOSURE waits for its client's acceptance or reopening before the
 *                        ledger accepts it itself, written like an SLA target and counted in the ticket's priority
 *                        calendar: {@code 5d} is five of its business days; {@code 4h}, {@code 30m}, {@code 20s} are
 *                        open time of it
 */
@ConfigurationProperties("ledger.closure")
public record ClosureProperties(@DefaultValue("5d") SlaTarget autoAcceptAfter) {

    public ClosureProperties {
        if (autoAcceptAfter == null || autoAcceptAfter.amount() <= 0) {
            throw new IllegalArgumentException("ledger.closure.auto-accept-after must be a positive amount with its"
                    + " unit (e.g. 5d, 4h), not " + autoAcceptAfter);
        }
    }

    /** The period in a desk's words, for the history: {@code 5 business days}, {@code 1 business hour}. */
    public String describeAutoAcceptAfter() {
        long amount = autoAcceptAfter.amount();
        String unit = switch (autoAcceptAfter.unit()) {
            case DAYS -> "business day";
            case HOURS -> "business hour";
            case MINUTES -> "minute";
            case SECONDS -> "second";
        };
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
