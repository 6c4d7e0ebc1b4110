package com.ticketledger.command.ticket;

import com.ticketledger.sla.SlaPolicy;

/**
 * The versions of the SLA policies, as the ledger keeps them: what a ticket's own SLA rules on the command side (how
 * long a pending closure waits for the client, how long after its closure a ticket may be reopened) are read from.
 * A ticket asks for the version it was opened under, whatever has been defined since. Injected into the aggregate's
 * handlers by Axon.
 */
@FunctionalInterface
public interface SlaPolicies {

    /**
     * Version {@code version} of the policy {@code name}.
     *
     * @throws IllegalStateException when the ledger has no such version (a ticket is only ever stamped with one it has)
     */
    SlaPolicy version(String name, int version);
}
