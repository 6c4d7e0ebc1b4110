package com.ticketledger.command.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code ledger.tickets.*}: the ticket rules docs/domain.md leaves configurable. */
@ConfigurationProperties("ledger.tickets")
public record TicketProperties(@DefaultValue("30d") Duration reopeningWindow) {

    public ReopeningPolicy reopeningPolicy() {
        return new ReopeningPolicy(reopeningWindow);
    }
}
