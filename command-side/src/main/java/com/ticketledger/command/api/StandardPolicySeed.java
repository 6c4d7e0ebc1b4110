package com.ticketledger.command.api;

import com.ticketledger.command.policy.DefinePolicy;
import com.ticketledger.command.policy.LedgerSlaPolicies;
import com.ticketledger.command.recording.CommandRecorder;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.TicketProperties;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.sla.ClosureProperties;
import com.ticketledger.sla.SlaProperties;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Writes version 1 of the {@code standard} SLA policy from the configuration ({@code ledger.sla.*},
 * {@code ledger.closure.auto-accept-after}, {@code ledger.tickets.reopening-window}) when the ledger has no such policy:
 * at a deployment's first start, or at the first start of this version on a ledger that already has tickets (their
 * openings, unstamped, mean version 1 of {@code standard}). Once it is there, a start writes nothing, and the
 * configuration no longer decides anything: changes go through {@code PUT /api/sla-policies/standard}.
 *
 * <p>Two instances starting together may both find no policy; both send the definition, the ledger's (stream,
 * sequence) key lets one in, and the other is told the policy exists, which is all it wanted. Runs once the
 * application is ready (Axon's handlers subscribe only as the context finishes starting), before the demo clients,
 * whose contracts name it, and before readiness reports that the instance accepts traffic.
 */
@Component
class StandardPolicySeed {

    private static final Logger log = LoggerFactory.getLogger(StandardPolicySeed.class);
    static final Actor SYSTEM = new Actor(MetaDataKeys.SYSTEM_USER, Role.OPERATOR, null, null);

    private final CommandRecorder recorder;
    private final LedgerSlaPolicies policies;
    private final SlaProperties sla;
    private final ClosureProperties closure;
    private final TicketProperties tickets;

    StandardPolicySeed(CommandRecorder recorder, LedgerSlaPolicies policies, SlaProperties sla,
            ClosureProperties closure, TicketProperties tickets) {
        this.recorder = recorder;
        this.policies = policies;
        this.sla = sla;
        this.closure = closure;
        this.tickets = tickets;
    }

    /** First of the listeners to the application being ready: the demo's contracts name this policy. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void seed() {
        if (policies.currentVersion(TicketOpened.STANDARD_POLICY).isPresent()) {
            return;
        }
        SlaPolicyTerms terms = sla.terms(closure.autoAcceptAfter(), tickets.reopeningWindow());
        if (defineIfAbsent(recorder, TicketOpened.STANDARD_POLICY, terms,
                "version 1, written from the configuration at first start")) {
            log.info("SLA policy standard: version 1 written from the configuration (ledger.sla.*); change it "
                    + "through the API from now on");
        }
    }

    /**
     * Defines the policy unless the ledger has it (another instance defined it meanwhile); true when this call did.
     * The definition is the desk's own, sent as the system user.
     */
    static boolean defineIfAbsent(CommandRecorder recorder, String name, SlaPolicyTerms terms, String reason) {
        try {
            recorder.recordPolicyChange(SYSTEM, "sla-policy-seed", null, List.of(),
                    () -> new DefinePolicy(name, terms, reason, SYSTEM));
            return true;
        } catch (CommandRefused definedMeanwhile) {
            if (definedMeanwhile.reason() == CommandRefused.Reason.POLICY_EXISTS) {
                return false;
            }
            throw definedMeanwhile;
        } catch (ConcurrencyException | AggregateStreamCreationException definedAtTheSameMoment) {
            return false;
        }
    }
}
