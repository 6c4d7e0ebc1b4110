package com.ticketledger.command.client;

import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.command.ticket.CommandRefused.Reason;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client organisation of the desk (docs/domain.md, "Clients and contracts"): registered once by an OPERATOR,
 * then given a contract and contacts, each replacing the one before. What a ticket needs of it (is there a
 * contract in force, who are the representatives) is read from these events by {@link LedgerClientRegister}.
 */
@Aggregate
public class Client {

    @AggregateIdentifier
    private String stream;
    private String clientId;
    private long version;

    protected Client() {
        // rebuilt from its events by Axon, or new for a registration
    }

    /**
     * A registration of a client already registered is refused rather than answered as a conflict of the stream's
     * unique key: the caller learns that the client exists, and nothing is retried.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClientVersion handle(RegisterClient command) {
        requireOperator(command.actor(), "register");
        if (clientId != null) {
            throw new CommandRefused(Reason.CLIENT_EXISTS, "client-exists", "client " + clientId
                    + " is registered already; change its contract or contacts instead", clientId);
        }
        apply(new ClientRegistered(command.clientId(), command.name(), command.language(), command.timeZone()));
        return new ClientVersion(command.clientId(), 0);
    }

    @CommandHandler
    public ClientVersion handle(SetContract command) {
        admit(command, "contract");
        apply(new ContractSet(clientId, command.from(), command.to(), command.slaPolicy(), command.onSiteSupport(),
                command.suspended(), command.suspended() ? command.suspensionReason() : null));
        return currentVersion();
    }

    @CommandHandler
    public ClientVersion handle(SetContacts command) {
        admit(command, "contacts");
        apply(new ContactsSet(clientId, List.copyOf(command.representatives()), command.focalPointName(),
                command.focalPointEmail(), command.areaManagerEmail(), List.copyOf(command.escalationEmails())));
        return currentVersion();
    }

    @EventSourcingHandler
    void on(ClientRegistered event, @SequenceNumber long sequence) {
        stream = ClientEvent.streamOf(event.clientId());
        clientId = event.clientId();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ContractSet event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(ContactsSet event, @SequenceNumber long sequence) {
        version = sequence;
    }

    /** The register is the desk's: an OPERATOR changes it; then the caller's If-Match must be the current version. */
    private void admit(ClientCommand command, String commandKey) {
        requireOperator(command.actor(), commandKey);
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new CommandRefused(Reason.STALE_VERSION, "client.stale-version", "client " + clientId
                    + " is at version " + version + ", not at version " + command.expectedVersion()
                    + " as the request's If-Match says; read it again", clientId, version, command.expectedVersion());
        }
    }

    /**
     * Who may change the register: an OPERATOR. Checked before the client is looked at, so that the answer does
     * not depend on whether the client exists, and again by the handlers.
     */
    public static void requireMayChangeRegister(Actor actor, String commandKey) {
        requireOperator(actor, commandKey);
    }

    private static void requireOperator(Actor actor, String commandKey) {
        if (!actor.is(Role.OPERATOR)) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "role.client-" + commandKey, "a " + actor.role()
                    + " may not change the client register", actor.role());
        }
    }

    private ClientVersion currentVersion() {
        return new ClientVersion(clientId, version);
    }
}
