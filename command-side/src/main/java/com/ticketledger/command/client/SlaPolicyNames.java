package com.ticketledger.command.client;

import java.util.Set;

/**
 * The SLA policies a contract may name. Today the desk has one, the configured policy ({@code ledger.sla}), called
 * {@code standard}; a policy added later is named here.
 */
public final class SlaPolicyNames {

    public static final String STANDARD = "standard";

    public static final Set<String> KNOWN = Set.of(STANDARD);

    private SlaPolicyNames() {
    }
}
