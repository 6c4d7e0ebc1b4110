package com.ticketledger.query.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * {@code ledger.processing.*}.
 *
 * @param nodeId       how this instance signs its segment claims in the token store; unique per instance
 *                     (default: the JVM's pid@host)
 * @param claimTimeout   after how long without an update another instance may take over a segment's claim
 * @param claimExtension how often a claimed segment's token is stored even when it has had nothing to handle
 */
@ConfigurationProperties("ledger.processing")
public record ProcessingProperties(String nodeId, @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("1s") Duration claimExtension) {

    public String nodeIdOrDefault() {
        return nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }
}
