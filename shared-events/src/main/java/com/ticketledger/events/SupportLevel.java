package com.ticketledger.events;

import java.util.Optional;

/** The support levels a ticket climbs, one at a time, up to the manufacturer's technical assistance centre. */
public enum SupportLevel {
    L1,
    L2,
    L3,
    /** The vendor's TAC: the ticket keeps its L3 engineer, who follows the vendor's case. */
    VENDOR;

    /** The level an escalation from this one leads to; empty at VENDOR, the top. */
    public Optional<SupportLevel> next() {
        int following = ordinal() + 1;
        return following < values().length ? Optional.of(values()[following]) : Optional.empty();
    }
}
