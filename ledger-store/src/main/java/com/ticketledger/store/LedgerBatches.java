package com.ticketledger.store;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The ledger's stream read in batches straight from its table, each event a tracked message with the token Axon's
 * stream would give it ({@link #tokenAfter}: the storage engine's own rule for gaps), for a reader that needs no
 * processor between the rows and its handlers: a rebuild's first pass over the ledger. The payload and metadata
 * are decoded when first asked for, as Axon's stream does, and each event's position is left in
 * {@link ReadPositions}.
 */
public final class LedgerBatches {

    /** The type name the metadata of every stored event is serialized under. */
    private static final SimpleSerializedType META_DATA = new SimpleSerializedType(MetaData.class.getName(), null);

    /**
     * Events read, in global order, and the token after the last of them.
     *
     * @param full whether the read returned as many events as asked for: more may follow
     */
    public record Batch(List<TrackedEventMessage<?>> events, GapAwareTrackingToken token, boolean full) {
    }

    private final StoredEvents stored;
    private final Serializer eventSerializer;
    private final ReadPositions readPositions;

    public LedgerBatches(StoredEvents stored, Serializer eventSerializer, ReadPositions readPositions) {
        this.stored = stored;
        this.eventSerializer = eventSerializer;
        this.readPositions = readPositions;
    }

    /**
     * Up to {@code size} events after {@code token} ({@code null}: from the first event), in global order. Each
     * message carries {@code wrap} of the token after it (a replay's token, say); the batch's token is unwrapped.
     * Gaps {@code token} holds are not read again here: a reader hands its last token to a processor, which does.
     */
    public Batch after(GapAwareTrackingToken token, int size, UnaryOperator<TrackingToken> wrap) {
        List<TrackedEventMessage<?>> events = new ArrayList<>(size);
        GapAwareTrackingToken[] last = {token};
        stored.inGlobalOrder(token == null ? 0 : token.getIndex(), Long.MAX_VALUE, size, row -> {
            Instant timestamp = StoredTimestamps.parse(row.timeStamp());
            last[0] = tokenAfter(last[0], row.globalIndex(), timestamp);
            readPositions.read(row.eventIdentifier(), row.globalIndex());
            events.add(message(row, timestamp, wrap.apply(last[0])));
        });
        return new Batch(events, last[0], events.size() == size);
    }

    private TrackedEventMessage<?> message(StoredEvent row, Instant timestamp, TrackingToken token) {
        SerializedMessage<?> message = new SerializedMessage<>(row.eventIdentifier(),
                new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(), row.payloadRevision()),
                new SimpleSerializedObject<>(row.metaData(), byte[].class, META_DATA), eventSerializer);
        // an event outside any stream is stored under its own identifier (LedgerEventStorageEngine)
        if (row.eventIdentifier().equals(row.aggregateIdentifier())) {
            return new GenericTrackedEventMessage<>(token, message, () -> timestamp);
        }
        return new GenericTrackedDomainEventMessage<>(token, row.type(), row.aggregateIdentifier(),
                row.sequenceNumber(), message, () -> timestamp);
    }

    /**
     * The token after the event at {@code globalSequence}, stamped {@code timestamp}, read after {@code previous}
     * ({@code null}: the first event read). Positions skipped are gaps (an append not yet committed) while the
     * event that skipped them is younger than {@link LedgerEventStorageEngine#GAP_TIMEOUT_MILLIS}, and no further
     * back than {@link LedgerEventStorageEngine#MAX_GAP_OFFSET}: Axon's rule, which the storage engine and this
     * reader share.
     */
    static GapAwareTrackingToken tokenAfter(GapAwareTrackingToken previous, long globalSequence, Instant timestamp) {
        boolean allowGaps = timestamp.isAfter(
                GenericEventMessage.clock.instant().minusMillis(LedgerEventStorageEngine.GAP_TIMEOUT_MILLIS));
        if (previous == null) {
            return GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LedgerEventStorageEngine.LOWEST_GLOBAL_SEQUENCE, globalSequence),
                            globalSequence).boxed().collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        }
        GapAwareTrackingToken token = previous.advanceTo(globalSequence, LedgerEventStorageEngine.MAX_GAP_OFFSET);
        return allowGaps ? token : token.withGapsTruncatedAt(globalSequence);
    }
}
