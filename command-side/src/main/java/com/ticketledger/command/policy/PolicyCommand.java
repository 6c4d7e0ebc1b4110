package com.ticketledger.command.policy;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.events.SlaPolicyTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command on an SLA policy's stream: a new version of it, with its terms and why. */
public interface PolicyCommand {

    String name();

    SlaPolicyTerms terms();

    /** Why, as the operator said, or {@code null}. */
    String reason();

    Actor actor();

    /** The policy's stream: {@code sla-policy:<name>}. */
    @TargetAggregateIdentifier
    default String stream() {
        return SlaPolicyEvent.streamOf(name());
    }
}
