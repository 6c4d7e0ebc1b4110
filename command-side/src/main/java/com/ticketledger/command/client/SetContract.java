package com.ticketledger.command.client;

import com.ticketledger.command.ticket.Actor;

import java.time.LocalDate;

/** Set the client's contract, replacing the one before: its period, SLA policy, on-site support, suspension. */
public record SetContract(
        String clientId,
        LocalDate from,
        LocalDate to,
        String slaPolicy,
        boolean onSiteSupport,
        boolean suspended,
        String suspensionReason,
        Actor actor,
        Long expectedVersion) implements ClientCommand {
}
