package com.ticketledger.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far each projection has got. A position is processed when every segment has passed it: each segment
 * reads the whole stream, handling its share of tickets and passing over the rest. A segment this instance
 * runs is read from the processor itself (up to the last event delivered); one another instance runs, from
 * the shared token store (which that instance updates at least every claim extension).
 */
@Component
public class ProjectionPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ProjectionPositions(JdbcClient jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    private record SegmentToken(int segment, TrackingToken token) {
    }

    /** Each segment's token (null for a segment that has processed nothing yet). */
    private List<SegmentToken> tokens(String processingGroup) {
        Map<Integer, EventTrackerStatus> local = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
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

    public boolean isReplaying(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }

    public boolean hasProcessed(String processingGroup, long position) {
        List<SegmentToken> tokens = tokens(processingGroup);
        return !tokens.isEmpty() && tokens.stream().allMatch(segment -> covers(segment.token(), position));
    }

    /** The lowest position every segment has passed: what the projection is known to hold completely. */
    public long position(String processingGroup) {
        return tokens(processingGroup).stream()
                .mapToLong(segment -> Optional.ofNullable(segment.token()).map(ProjectionPositions::index).orElse(0L))
                .min()
                .orElse(0L);
    }

    /** Past the position and not waiting for it as a gap (an append that had not committed when passed). */
    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current.position().orElse(-1) >= position;
    }

    private static long index(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current == null ? 0 : current.position().orElse(0);
    }
}
