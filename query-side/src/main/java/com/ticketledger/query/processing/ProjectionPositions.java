package com.ticketledger.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How far each projection has got. A position is processed when every segment has passed it: each segment
 * reads the whole stream, handling its share of tickets and passing over the rest. A segment this instance
 * runs is read from the processor itself (up to the last event delivered); one another instance runs, from
 * the shared token store (which that instance updates at least every claim extension).
 */
@Component
public class ProjectionPositions {

    /** How often a read waiting for a position looks at the projection when no batch of it ends here. */
    static final long POLL_MILLIS = 5;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final BatchEnds batchEnds;

    ProjectionPositions(JdbcClient jdbc, Serializer serializer, EventProcessingConfiguration processing,
            BatchEnds batchEnds) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.batchEnds = batchEnds;
    }

    private record SegmentToken(int segment, TrackingToken token) {
    }

    /**
     * Each segment's token (null for a segment that has processed nothing yet). When this instance runs every
     * segment, its processor knows them all and the token store is not asked: a read waiting for a position
     * asks every few milliseconds.
     */
    private List<SegmentToken> tokens(String processingGroup) {
        return tokens(processingGroup, processing.eventProcessor(processingGroup, StreamingEventProcessor.class));
    }

    private List<SegmentToken> tokens(String processingGroup, Optional<StreamingEventProcessor> processor) {
        Map<Integer, EventTrackerStatus> local = processor
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        if (local.values().stream().allMatch(status -> status.getTrackingToken() != null)
                && coverEveryEvent(local.values().stream().map(EventTrackerStatus::getSegment).toList())) {
            return local.values().stream()
                    .map(status -> new SegmentToken(status.getSegment().getSegmentId(), status.getTrackingToken()))
                    .toList();
        }
        List<SegmentToken> stored = jdbc.sql("""
                        SELECT segment, token, token_type FROM token_entry WHERE processor_name = :name
                        ORDER BY segment""")
                .param("name", processingGroup)
                .query((rs, n) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    return new SegmentToken(rs.getInt("segment"), token == null || type == null ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                                    new SimpleSerializedType(type, null))));
                })
                .list();
        List<SegmentToken> tokens = new ArrayList<>();
        for (SegmentToken segment : stored) {
            EventTrackerStatus status = local.get(segment.segment());
            tokens.add(status == null || status.getTrackingToken() == null ? segment
                    : new SegmentToken(segment.segment(), status.getTrackingToken()));
        }
        return tokens;
    }

    /**
     * Whether these segments together are the whole stream: a segment with mask m takes one event in m + 1, and
     * the segments of a processor never overlap.
     */
    static boolean coverEveryEvent(List<Segment> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        long whole = segments.stream().mapToLong(segment -> segment.getMask() + 1L).max().getAsLong();
        return segments.stream().mapToLong(segment -> whole / (segment.getMask() + 1L)).sum() == whole;
    }

    public boolean isReplaying(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }

    public boolean hasProcessed(String processingGroup, long position) {
        List<SegmentToken> tokens = tokens(processingGroup);
        return !tokens.isEmpty() && tokens.stream().allMatch(segment -> covers(segment.token(), position));
    }

    /**
     * Waits until the projection has processed {@code position}, for {@code maxWait} at most: looks again whenever
     * one of its batches here ends ({@link BatchEnds}), and every {@value #POLL_MILLIS} ms besides (a segment another
     * instance runs is seen in the token store). Answers whether it has.
     */
    public boolean awaitProcessed(String processingGroup, long position, Duration maxWait) {
        try (BatchEnds.Waiting waiting = batchEnds.waiting(processingGroup)) {
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (!hasProcessed(processingGroup, position)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
            }
            return true;
        }
    }

    /**
     * The lowest position every segment has passed: what the projection is known to hold completely. A gap a
     * segment passed (an append that had not committed when it read past it) holds the position below it,
     * once that event is in the ledger: until the segment has come back for it. Gaps of appends that never
     * committed (a refused or collided command's) hold nothing.
     */
    public long position(String processingGroup) {
        return position(tokens(processingGroup));
    }

    /**
     * The same for a processor that is not one of Axon's configuration: a rebuild's, which stores its tokens
     * under {@code tokenName} ({@link ShadowRebuilds}); {@code processor} may be null when it does not run here.
     */
    public long position(String tokenName, StreamingEventProcessor processor) {
        return position(tokens(tokenName, Optional.ofNullable(processor)));
    }

    private long position(List<SegmentToken> tokens) {
        long passed = tokens.stream()
                .mapToLong(segment -> Optional.ofNullable(segment.token()).map(ProjectionPositions::index).orElse(0L))
                .min()
                .orElse(0L);
        Long[] gaps = tokens.stream()
                .map(segment -> current(segment.token()))
                .filter(GapAwareTrackingToken.class::isInstance)
                .flatMap(token -> ((GapAwareTrackingToken) token).getGaps().stream())
                .distinct()
                .toArray(Long[]::new);
        if (gaps.length == 0) {
            return passed;
        }
        long firstAwaited = jdbc.sql("""
                        SELECT coalesce(min(global_index), -1) FROM domain_event_entry
                        WHERE global_index = ANY(:gaps)""")
                .param("gaps", gaps)
                .query(Long.class)
                .single();
        return firstAwaited < 0 ? passed : Math.min(passed, firstAwaited - 1);
    }

    /** Past the position and not waiting for it as a gap (an append that had not committed when passed). */
    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = current(token);
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current.position().orElse(-1) >= position;
    }

    /** During a rebuild, where the replay has got to. */
    private static TrackingToken current(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    private static long index(TrackingToken token) {
        TrackingToken current = current(token);
        return current == null ? 0 : current.position().orElse(0);
    }
}
