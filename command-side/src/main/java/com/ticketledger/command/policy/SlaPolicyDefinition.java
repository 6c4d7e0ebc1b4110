package com.ticketledger.command.policy;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.CommandRefused.Reason;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.sla.SlaPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An SLA policy of the desk (docs/domain.md, "SLA policies"): defined once by an OPERATOR, then changed, each time as
 * a new version with all its terms. A version never changes once written: a ticket is measured all its life by the
 * version in force when it was opened, so a change touches only the tickets opened after it. Terms that do not add
 * up ({@link SlaPolicy.PolicyDoesNotAddUp}) are refused before anything is written.
 */
@Aggregate
public class SlaPolicyDefinition {

    @AggregateIdentifier
    private String stream;
    private String name;
    private int version;

    protected SlaPolicyDefinition() {
        // rebuilt from its events by Axon, or new for a definition
    }

    /**
     * A definition of a name already defined is refused rather than answered as a conflict of the stream's unique
     * key: the caller learns that the policy exists and should be changed instead.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PolicyVersion handle(DefinePolicy command) {
        requireMayDefine(command.actor(), "define");
        if (name != null) {
            throw new CommandRefused(Reason.POLICY_EXISTS, "policy-exists", "SLA policy " + name
                    + " exists already (version " + version + "); change it instead", name, version);
        }
        new SlaPolicy(command.terms());
        apply(new SlaPolicyDefined(command.name(), 1, command.terms(), command.reason()));
        return new PolicyVersion(command.name(), 1);
    }

    @CommandHandler
    public PolicyVersion handle(RevisePolicy command) {
        requireMayDefine(command.actor(), "revise");
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new CommandRefused(Reason.STALE_VERSION, "policy.stale-version", "SLA policy " + name
                    + " is at version " + version + ", not at version " + command.expectedVersion()
                    + " as the request's If-Match says; read it again", name, version, command.expectedVersion());
        }
        new SlaPolicy(command.terms());
        apply(new SlaPolicyDefined(name, version + 1, command.terms(), command.reason()));
        return new PolicyVersion(name, version);
    }

    @EventSourcingHandler
    void on(SlaPolicyDefined event) {
        stream = SlaPolicyEvent.streamOf(event.name());
        name = event.name();
        version = event.version();
    }

    /**
     * Who may define or change a policy: an OPERATOR. Checked before the policy is looked at, so that the answer does
     * not depend on whether it exists, and again by the handlers.
     */
    public static void requireMayDefine(Actor actor, String commandKey) {
        if (!actor.is(Role.OPERATOR)) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "role.policy-" + commandKey, "a " + actor.role()
                    + " may not define or change SLA policies", actor.role());
        }
    }
}
