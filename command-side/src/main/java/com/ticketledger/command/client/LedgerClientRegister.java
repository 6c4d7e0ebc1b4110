package com.ticketledger.command.client;

import com.ticketledger.command.ticket.ClientRegister;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A client's terms as its own stream in the ledger says now. The stream is read, not the {@link Client} loaded
 * through its repository: loading an aggregate locks it until the loading command commits, so every opening for
 * one client would wait for the one before; reading its handful of events locks nothing.
 */
public class LedgerClientRegister implements ClientRegister {

    private final EventStore eventStore;

    public LedgerClientRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Terms> find(String clientId) {
        DomainEventStream stream = eventStore.readEvents(ClientEvent.streamOf(clientId), 0);
        Terms terms = null;
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof ClientRegistered registered) {
                terms = new Terms(registered.clientId(), ZoneId.of(registered.timeZone()), null, List.of());
            } else if (terms != null && event instanceof ContractSet contract) {
                terms = new Terms(terms.clientId(), terms.zone(), new Contract(contract.from(), contract.to(),
                        contract.slaPolicy(), contract.suspended(), contract.suspensionReason()),
                        terms.representatives());
            } else if (terms != null && event instanceof ContactsSet contacts) {
                terms = new Terms(terms.clientId(), terms.zone(), terms.contract(),
                        List.copyOf(contacts.representatives()));
            }
        }
        return Optional.ofNullable(terms);
    }
}
