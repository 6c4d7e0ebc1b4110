package com.ticketledger.command.client;

import com.ticketledger.command.ticket.ClientRegister;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    /** Axon resolves the ticket handlers' {@link ClientRegister} parameter to this bean. */
    @Bean
    ClientRegister clientRegister(EventStore eventStore) {
        return new LedgerClientRegister(eventStore);
    }
}
