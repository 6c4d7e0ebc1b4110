package com.ticketledger.query.admin;

import com.ticketledger.events.Role;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ProjectionPositions;
import com.ticketledger.query.processing.ShadowRebuilds;
import com.ticketledger.store.StoredEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Each projection's progress, and its rebuilds: a rebuild fills copies of the projection's tables from the first
 * event while reads go on answering from the live tables, and puts them in their place in one transaction once
 * they hold every event ({@link ShadowRebuilds}). Its own progress and ETA are beside the live processor's.
 */
@Service
class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final StoredEvents storedEvents;
    private final DeadLetters deadLetters;
    private final ShadowRebuilds rebuilds;
    private final Clock clock;
    private final ProgressRate rates = new ProgressRate();

    ProjectionAdmin(EventProcessingConfiguration processing, ProjectionPositions positions,
            StoredEvents storedEvents, DeadLetters deadLetters, ShadowRebuilds rebuilds, Clock clock) {
        this.processing = processing;
        this.rebuilds = rebuilds;
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
            Progress live = progress(name, Math.min(positions.position(name), head), head);
            ProjectionStatus.Rebuild rebuild = rebuilds.progress(name).map(shadow -> {
                Progress filled = progress(ShadowRebuilds.tokenName(name), Math.min(shadow.position(), head), head);
                return new ProjectionStatus.Rebuild(shadow.phase().name(), shadow.startedAt(), filled.position(),
                        filled.progress(), filled.eventsPerSecond(), filled.etaSeconds());
            }).orElse(null);
            return new ProjectionStatus(name, live.position(), head, head - live.position(),
                    processor.isReplaying() || rebuild != null, live.progress(), live.eventsPerSecond(),
                    live.etaSeconds(), deadLetters.count(name).orElse(0L), rebuiltBy(name), rebuild);
        });
    }

    private record Progress(long position, double progress, Double eventsPerSecond, Long etaSeconds) {
    }

    /** Progress towards the head at {@code position}, its speed over the last reads under {@code key}, and ETA. */
    private Progress progress(String key, long position, long head) {
        double progress = head == 0 ? 1.0 : Math.round(10_000.0 * position / head) / 10_000.0;
        long lag = head - position;
        OptionalDouble rate = rates.record(key, clock.instant(), position);
        Double eventsPerSecond = rate.isPresent() ? Math.round(rate.getAsDouble() * 10) / 10.0 : null;
        Long eta = lag == 0 ? Long.valueOf(0)
                : rate.isPresent() && rate.getAsDouble() > 0 ? (long) Math.ceil(lag / rate.getAsDouble()) : null;
        return new Progress(position, progress, eventsPerSecond, eta);
    }

    /** The same rule as the access rules' (QueryAccessRules), said in the answer so that the pages can follow it. */
    private static List<Role> rebuiltBy(String name) {
        return ProcessingGroups.REPORTING.contains(name) ? List.of(Role.OPERATOR, Role.ANALYST) : List.of(Role.OPERATOR);
    }

    /** Starts a rebuild of the projection (or finds it under way). */
    ShadowRebuilds.Started rebuild(String name) {
        return rebuilds.start(name);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
