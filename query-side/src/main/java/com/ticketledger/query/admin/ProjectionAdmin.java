package com.ticketledger.query.admin;

import com.ticketledger.events.Role;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ProjectionPositions;
import com.ticketledger.store.StoredEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Rebuilds a projection in place: its processor stops, its tokens go back to the first event (its
 * {@code @ResetHandler} empties its own tables, nothing else), and it starts again. Reads keep answering
 * from the table as it refills; they carry {@code X-Projection-Rebuilding} meanwhile. With several
 * query-side instances, stop the processor on the others first (Axon requires no live claims on a reset).
 */
@Service
class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final StoredEvents storedEvents;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final ProgressRate rates = new ProgressRate();

    ProjectionAdmin(EventProcessingConfiguration processing, ProjectionPositions positions,
            StoredEvents storedEvents, DeadLetters deadLetters, Clock clock) {
        this.processing = processing;
        this.positions = positions;
        this.storedEvents = storedEvents;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    List<ProjectionStatus> all() {
        long head = storedEvents.headPosition();
        return processing.eventProcessors().keySet().stream().sorted()
                .map(name -> status(name, head))
                .flatMap(Optional::stream)
                .toList();
    }

    Optional<ProjectionStatus> one(String name) {
        return status(name, storedEvents.headPosition());
    }

    private Optional<ProjectionStatus> status(String name, long head) {
        return processor(name).map(processor -> {
            long position = Math.min(positions.position(name), head);
            double progress = head == 0 ? 1.0 : Math.round(10_000.0 * position / head) / 10_000.0;
            long lag = head - position;
            OptionalDouble rate = rates.record(name, clock.instant(), position);
            Double eventsPerSecond = rate.isPresent() ? Math.round(rate.getAsDouble() * 10) / 10.0 : null;
            Long eta = lag == 0 ? Long.valueOf(0)
                    : rate.isPresent() && rate.getAsDouble() > 0 ? (long) Math.ceil(lag / rate.getAsDouble()) : null;
            return new ProjectionStatus(name, position, head, lag, processor.isReplaying(), progress, eventsPerSecond,
                    eta, deadLetters.count(name).orElse(0L), rebuiltBy(name));
        });
    }

    /** The same rule as the access rules' (QueryAccessRules), said in the answer so that the pages can follow it. */
    private static List<Role> rebuiltBy(String name) {
        return ProcessingGroups.REPORTING.contains(name) ? List.of(Role.OPERATOR, Role.ANALYST) : List.of(Role.OPERATOR);
    }

    /** Answers false when there is no such projection. */
    boolean rebuild(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(processor -> {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        });
        return found.isPresent();
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
