package com.ticketledger.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Each projection's figures of {@code GET /api/admin/projections} as gauges, tagged {@code projection}:
 * {@code ledger.projection.lag} (events between the ledger's head and what the projection holds completely)
 * {@code ledger.projection.progress} (position / head, 0 to 1), {@code ledger.projection.rebuild_progress} (a
 * rebuild's own position / head, climbing from 0; NaN while none runs here) and
 * {@code ledger.projection.dead_letters} (events parked in its dead-letter queue). Registered once
 * the processors exist (the application is ready).
 */
@Component
class ProjectionMeters {

    private final ProjectionAdmin admin;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    ProjectionMeters(ProjectionAdmin admin, EventProcessingConfiguration processing, MeterRegistry registry) {
        this.admin = admin;
        this.processing = processing;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String projection : processing.eventProcessors().keySet()) {
            gauge("ledger.projection.lag", "Events the projection does not hold yet", projection,
                    ProjectionStatus::lag);
            gauge("ledger.projection.progress", "Position / head of the ledger, 0 to 1", projection,
                    ProjectionStatus::progress);
            gauge("ledger.projection.rebuild_progress", "A rebuild's position / head, 0 to 1 (NaN while none runs)",
                    projection, status -> status.rebuild() == null ? Double.NaN : status.rebuild().progress());
            gauge("ledger.projection.dead_letters", "Events the projection failed on, parked with the ticket's later"
                    + " ones behind them", projection, ProjectionStatus::deadLetters);
        }
    }

    private void gauge(String name, String description, String projection, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(name, admin, projections -> projections.one(projection).map(value::applyAsDouble)
                        .orElse(Double.NaN))
                .description(description)
                .tag("projection", projection)
                .register(registry);
    }
}
