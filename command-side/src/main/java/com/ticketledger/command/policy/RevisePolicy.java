package com.ticketledger.command.policy;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.events.SlaPolicyTerms;

/**
 * Change an SLA policy: its next version. Tickets already open keep the version they were opened under.
 *
 * @param expectedVersion the version the caller last saw ({@code If-Match}), or {@code null} for whichever is current
 */
public record RevisePolicy(String name, SlaPolicyTerms terms, String reason, Actor actor, Integer expectedVersion)
        implements PolicyCommand {
}
