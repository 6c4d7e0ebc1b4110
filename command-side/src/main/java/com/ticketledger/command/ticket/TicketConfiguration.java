package com.ticketledger.command.ticket;

import com.ticketledger.sla.ClosureProperties;
import com.ticketledger.sla.SlaPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TicketConfiguration {

    /** Axon resolves the aggregate handler's {@link ReopeningPolicy} parameter to this bean. */
    @Bean
    ReopeningPolicy reopeningPolicy(TicketProperties properties) {
        return properties.reopeningPolicy();
    }

    /** Axon resolves the aggregate handler's {@link AutoAcceptancePolicy} parameter to this bean. */
    @Bean
    AutoAcceptancePolicy autoAcceptancePolicy(SlaPolicy sla, ClosureProperties closure) {
        return new AutoAcceptancePolicy(sla, closure.autoAcceptAfter());
    }

    /** Axon resolves the aggregate handler's {@link TicketDirectory} parameter to this bean. */
    @Bean
    TicketDirectory ticketDirectory(EventStore eventStore) {
        return new LedgerTicketDirectory(eventStore);
    }
}
