package com.ticketledger.command.ticket;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TicketConfiguration {

    static final String TICKET_CACHE = "ticketCache";

    /**
     * Tickets just worked on, so that the next command on one does not read its stream again. The cache holds
     * them weakly (the heap decides how many stay). A ticket appended to by another instance meanwhile is
     * stale here: its next append collides on the stream's unique key, Axon drops it from the cache on that
     * rollback, and the command is tried again on the ticket read afresh ({@code CommandRecorder}).
     */
    @Bean(TICKET_CACHE)
    Cache ticketCache() {
        return new WeakReferenceCache();
    }

    /** Axon resolves the aggregate handler's {@link ReopeningPolicy} parameter to this bean. */
    @Bean
    ReopeningPolicy reopeningPolicy(TicketProperties properties) {
        return properties.reopeningPolicy();
    }
}
