package com.ticketledger.command.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code ledger.tickets.*}: the ticket rules docs/domain.md leaves configurable.
 *
 * @param categories the sub-categories a ticket may be given (opening, reclassification); an empty list means
 *                   the desk does not use categories, and any category is refused
 */
@ConfigurationProperties("ledger.tickets")
public record TicketProperties(@DefaultValue("30d") Duration reopeningWindow,
        @DefaultValue({"network", "hardware", "software", "access", "other"}) List<String> categories) {

    public TicketProperties {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public ReopeningPolicy reopeningPolicy() {
        return new ReopeningPolicy(reopeningWindow);
    }
}
