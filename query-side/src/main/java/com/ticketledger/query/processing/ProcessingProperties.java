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
 *                       everything (the commands are appended by another process, so nothing tells this one
 *                       of a new event; Axon's default is 1 s), and how often at most a processor is called
 *                       back to handle what has arrived: the projections' lag against the batches' cost
 * @param rebuildBatchSize how many events a rebuild reads at a time, and its first pass hands to its workers in one
 *                         round: a round costs each worker a transaction, a token and a few statements however many
 *                         events it holds (2,000 → 8,000 made a rebuilt event 10–18 % cheaper; docs/BENCHMARKS.md,
 *                         session 15)
 * @param rebuildWorkers   how many threads a rebuild's first pass hands the tickets' events to, side by side (each
 *                         ticket's to one of them): one folds its events while another's are written
 */
@ConfigurationProperties("ledger.processing")
public record ProcessingProperties(String nodeId, @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("1s") Duration claimExtension, @DefaultValue("50ms") Duration fetchDelay,
        @DefaultValue("8000") int rebuildBatchSize, @DefaultValue("2") int rebuildWorkers) {

    public String nodeIdOrDefault() {
        return nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }
}
