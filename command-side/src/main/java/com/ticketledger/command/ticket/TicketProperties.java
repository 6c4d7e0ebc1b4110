package com.ticketledger.command.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code ledger.tickets.*}: the ticket rules docs/domain.md leaves configurable.
 *
 * @param reopeningWindow how long after its closure a client may reopen a ticket: only the seed of version 1 of the
 *                        {@code standard} SLA policy, written at first start; the ledger's policy versions decide since
 *
 * @param categories the sub-categories a ticket may be given (opening, reclassification); an empty list means
 *                   the desk does not use categories, and any category is refused
 */
@ConfigurationProperties("ledger.tickets")
public record TicketProperties(@DefaultValue("30d") Duration reopeningWindow,
        @DefaultValue({"network", "hardware", "software", "access", "other"}) List<String> categories,
        @DefaultValue("10000") long cacheSize) {

    public TicketProperties {
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (cacheSize < 0) {
            throw new IllegalArgumentException("ledger.tickets.cache-size must be 0 (no cache) or more: " + cacheSize);
        }
    }
}
