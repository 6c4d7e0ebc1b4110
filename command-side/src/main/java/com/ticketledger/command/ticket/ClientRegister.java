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

    /** A contract's period (days in the client's time zone, both included) and whether it is suspended. */
    record Contract(LocalDate from, LocalDate to, String slaPolicy, boolean suspended, String suspensionReason) {
    }
}
