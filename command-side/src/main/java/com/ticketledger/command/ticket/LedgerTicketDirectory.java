package com.ticketledger.command.ticket;

import com.ticketledger.events.TicketOpened;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;
import java.util.UUID;

/** Finds a ticket by the first event of its stream in the ledger: its opening. */
class LedgerTicketDirectory implements TicketDirectory {

    private final EventStore eventStore;

    LedgerTicketDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Entry> find(UUID ticketId) {
        DomainEventStream stream = eventStore.readEvents(ticketId.toString(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof TicketOpened opened
                ? Optional.of(new Entry(opened.ticketId(), opened.number(), opened.clientId()))
                : Optional.empty();
    }
}
