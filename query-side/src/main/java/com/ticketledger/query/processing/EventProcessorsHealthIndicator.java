package com.ticketledger.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Health {@code eventProcessors}, part of readiness: DOWN while any projection's processor is in error (Axon's
 * {@link StreamingEventProcessor#isError()}: it could not claim its segments, open the ledger or store its
 * tokens, and retries with a growing back-off, up to a minute), with each processor by name: {@code running},
 * {@code not running} or {@code in error: …}. A projection in error stops moving, so reads waiting for a
 * position would time out: the instance should not be given reads. One batch that keeps failing (its segment
 * released and retried alone) is not an error of the processor: its lag grows ({@code ledger.projection.lag}).
 */
@Component
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, String> processors = new TreeMap<>();
        boolean inError = false;
        for (String name : processing.eventProcessors().keySet()) {
            Optional<StreamingEventProcessor> found = processing.eventProcessor(name, StreamingEventProcessor.class);
            if (found.isEmpty()) {
                continue;
            }
            StreamingEventProcessor processor = found.get();
            inError |= processor.isError();
            processors.put(name, processor.isError() ? "in error: retrying with back-off (its log says why)"
                    : processor.isRunning() ? "running" : "not running");
        }
        return (inError ? Health.down() : Health.up()).withDetails(processors).build();
    }
}
