package com.ticketledger.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code ledger.reads.*}: how long a read waits for its projection to reach the position asked (docs/api.md: 5 s). */
@ConfigurationProperties("ledger.reads")
public record ReadProperties(@DefaultValue("5s") Duration maxWait) {
}
