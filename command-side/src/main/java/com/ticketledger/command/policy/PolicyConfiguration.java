package com.ticketledger.command.policy;

import com.ticketledger.store.LedgerStreams;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    /** Axon resolves the ticket handlers' {@link com.ticketledger.command.ticket.SlaPolicies} parameter to this bean. */
    @Bean
    LedgerSlaPolicies slaPolicies(EventStore eventStore, EventStorageEngine storage) {
        return new LedgerSlaPolicies(eventStore, LedgerStreams.of(storage, eventStore));
    }
}
