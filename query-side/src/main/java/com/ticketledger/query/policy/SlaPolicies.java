package com.ticketledger.query.policy;

import com.ticketledger.events.TicketOpened;
import com.ticketledger.sla.SlaPolicy;

import java.util.Objects;

/**
 * The SLA arithmetic of a policy version, by its name and version: what a ticket is measured by for all its life
 * (its opening's stamp, {@link TicketOpened#policyName()} and {@link TicketOpened#policyVersion()}), whatever the
 * configuration says today. Every SLA figure of the query side asks here: the status and report projections, the
 * audit's state as of an instant, the reports' open times, the history's words for an automatic acceptance.
 */
public interface SlaPolicies {

    /**
     * The policy version {@code version} of {@code name}.
     *
     * @throws UnknownSlaPolicyVersion if the ledger holds no such version
     */
    SlaPolicy version(String name, int version);

    /** The policy version a ticket was opened under. */
    default SlaPolicy of(TicketOpened opened) {
        return version(opened.policyName(), opened.policyVersion());
    }

    /** Every name and version measured by the same policy: for unit tests of the arithmetic around it. */
    static SlaPolicies only(SlaPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return (name, version) -> policy;
    }
}
