package com.ticketledger.command.ticket;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What a ticket must know of its client organisation when it is opened, accepted or reopened: whether the client
 * is registered, its contract, and who its representatives are, as the client's own stream in the ledger says at
 * that moment (never a projection: the command side decides from the ledger).
 */
@FunctionalInterface
public interface ClientRegister {

    /** The client's terms, or empty if no client has that id. */
    Optional<Terms> find(String clientId);

    /**
     * @param contract        the contract as last set, or {@code null} when none was ever set
     * @param representatives user names who may accept or reopen; empty: any user of the organisation may
     */
    record Terms(String clientId, ZoneId zone, Contract contract, List<String> representatives) {

        /** Whether {@code user} may speak for the client (accept, reopen). */
        public boolean mayBeSpokenForBy(String user) {
            return representatives.isEmpty() || representatives.contains(user);
        }
    }

    /**
     * A contract's period (days in the client's time zone, both included), whether it is suspended, and its SLA
     * policy with the version of it in force as the ledger was read.
     *
     * @param slaPolicyVersion the newest version of {@code slaPolicy} in the ledger at the moment of the read (what an
     *                         opening is stamped with), or {@code null} when the ledger has none
     */
    record Contract(LocalDate from, LocalDate to, String slaPolicy, Integer slaPolicyVersion, boolean suspended,
            String suspensionReason) {
    }
}
