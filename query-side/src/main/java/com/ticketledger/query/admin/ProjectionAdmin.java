package com.ticketledger.query.admin;

import com.ticketledger.events.Role;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ProjectionPositions;
import com.ticketledger.store.StoredEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

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

    ProjectionAdmin(EventProcessingConfiguration processing, ProjectionPositions positions,
            StoredEvents storedEvents) {
        this.processing = processing;
        this.positions = positions;
        this.storedEvents = storedEvents;
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
            return new ProjectionStatus(name, position, head, head - position, processor.isReplaying(), progress,
                    rebuiltBy(name));
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
