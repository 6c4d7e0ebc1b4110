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
 * @param fetchDelay     how long the processors wait before asking PostgreSQL again when they have read
 *                       everything: the commands are appended by another process, so nothing tells this one
 *                       of a new event; this bounds the projections' lag when idle (Axon's default is 1 s)
 */
@ConfigurationProperties("ledger.processing")
public record ProcessingProperties(String nodeId, @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("1s") Duration claimExtension, @DefaultValue("20ms") Duration fetchDelay) {

    public String nodeIdOrDefault() {
        return nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }
}
