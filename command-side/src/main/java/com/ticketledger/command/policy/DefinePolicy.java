package com.ticketledger.command.policy;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.events.SlaPolicyTerms;

/** Define a new SLA policy: its version 1. */
public record DefinePolicy(String name, SlaPolicyTerms terms, String reason, Actor actor) implements PolicyCommand {
}
