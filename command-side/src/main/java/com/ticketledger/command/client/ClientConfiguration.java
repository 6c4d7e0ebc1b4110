package com.ticketledger.command.client;

import com.ticketledger.command.ticket.ClientRegister;
import com.ticketledger.store.LedgerStreams;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    /** Axon resolves the ticket handlers' {@link ClientRegister} parameter to this bean. */
    @Bean
    ClientRegister clientRegister(EventStorageEngine storage, EventStore eventStore) {
        return new LedgerClientRegister(LedgerStreams.of(storage, eventStore));
    }
}
