package com.ticketledger.command.ticket;

import com.ticketledger.store.privacy.Subjects;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TicketConfiguration {

    /**
     * The tickets kept between commands ({@link TicketCache}), named by {@link Ticket}'s {@code @Aggregate}; none
     * when {@code ledger.tickets.cache-size} is 0.
     */
    @Bean
    Cache ticketCache(TicketProperties properties) {
        return properties.cacheSize() == 0 ? NoCache.INSTANCE : new TicketCache(properties.cacheSize());
    }

    /** Axon resolves the aggregate handler's {@link ErasedReporters} parameter to this bean: the key table decides. */
    @Bean
    ErasedReporters erasedReporters(Subjects subjects) {
        return subject -> subjects.isErased(subjects.refOf(subject));
    }

    /** Axon resolves the aggregate handler's {@link TicketDirectory} parameter to this bean. */
    @Bean
    TicketDirectory ticketDirectory(EventStore eventStore) {
        return new LedgerTicketDirectory(eventStore);
    }
}
