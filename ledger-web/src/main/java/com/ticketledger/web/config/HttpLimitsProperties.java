package com.ticketledger.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code ledger.http.*}: limits on what a request may carry. */
@ConfigurationProperties("ledger.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
