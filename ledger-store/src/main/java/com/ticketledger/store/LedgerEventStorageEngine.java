package com.ticketledger.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine with the round trips the ledger does not need taken out of the command path
 * (docs/BENCHMARKS.md, "Round trips"):
 * <ul>
 *   <li>an append returns the event's global position from its own {@code INSERT … RETURNING}, kept in
 *       {@link AppendedPositions} for the command's answer, instead of a second statement that looks it up;</li>
 *   <li>a ticket's stream is read in one statement: Axon reads until a batch comes back empty, because a stream
 *       with gaps in its sequence numbers could return a short batch before its end, but a ticket's sequence
 *       numbers have no gaps (each append takes the next one, and the (ticket, sequence) key refuses a
 *       second), so a batch shorter than the batch size is the last;</li>
 *   <li>no snapshot is looked up before a ticket is loaded: the ledger takes no snapshots (no snapshot trigger is
 *       configured; a ticket has tens of events). Configuring one would need this look-up back.</li>
 *   <li>a stream and the head of another are read in one statement ({@link LedgerStreams}): a ticket's opening
 *       reads its client's stream and the sequence of its contract's SLA policy so;</li>
 *   <li>each event read from the ledger's stream leaves its global position in {@link ReadPositions}, so that the
 *       projections that record it do not look it up again;</li>
 *   <li>an event's timestamp is read once, without a {@code DateTimeFormatter} ({@link StoredTimestamps});</li>
 *   <li>the ledger's stream can be read a fetch at a time ({@link LedgerFetches}): a reader that knows a fetch did not
 *       fill its window does not fetch again to find the end.</li>
 * </ul>
 */
final class LedgerEventStorageEngine extends JdbcEventStorageEngine implements LedgerStreams, LedgerFetches {

    /**
     * The gaps' settings of the ledger's stream, Axon's defaults, given to the builder ({@link
     * LedgerStoreAutoConfiguration#eventStorageEngine}) and used by {@link LedgerBatches#tokenAfter}, which makes
     * the stream's tokens in Axon's place: the first position there is, how far ahead of a token a gap is still
     * kept, and after how long a gap is taken for good (a transaction that never committed).
     */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    /** The text Axon's entry keeps of a {@link TimedEntry}'s timestamp: never read, the entry answers with its own. */
    private static final String STORED_ELSEWHERE = "";

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final String insert;
    private final String streamWithHead;
    private final String head;
    private final EventSchema schema;
    private final ReadPositions readPositions;

    LedgerEventStorageEngine(Builder builder, ConnectionProvider connections, TransactionManager transactions,
            EventSchema schema, ReadPositions readPositions) {
        super(builder);
        this.readPositions = readPositions;
        this.connections = connections;
        this.transactions = transactions;
        this.insert = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + schema.globalIndexColumn();
        this.schema = schema;
        // The head is one row whatever the other stream holds (the max of nothing is NULL); the stream's events
        // join it, and a stream without events leaves that one row with NULL events.
        this.streamWithHead = "SELECT e." + String.join(", e.", schema.domainEventFields().split(",\\s*"))
                + ", h.other_head FROM (SELECT max(" + schema.sequenceNumberColumn() + ") AS other_head FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?) h"
                + " LEFT JOIN " + schema.domainEventTable() + " e ON e." + schema.aggregateIdentifierColumn()
                + " = ? AND e." + schema.sequenceNumberColumn() + " >= ? ORDER BY e." + schema.sequenceNumberColumn();
        this.head = "SELECT max(" + schema.sequenceNumberColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
    }

    /**
     * Axon's reading of an event from the ledger's stream and of the token after it, with its timestamp read once,
     * by {@link StoredTimestamps}: Axon's entry keeps the column's text and parses it each time it is asked, and it
     * was asked twice per event (here, for the gaps' timeout, and for the message). The event's position is left in
     * {@link ReadPositions}.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        TimedEntry event = new TimedEntry(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                StoredTimestamps.parse(resultSet.getString(schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                resultSet.getBytes(schema.payloadColumn()), resultSet.getBytes(schema.metaDataColumn()));
        GapAwareTrackingToken token = LedgerBatches.tokenAfter(previousToken, globalSequence, event.getTimestamp());
        readPositions.read(eventIdentifier, globalSequence);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    public Fetch after(TrackingToken token) {
        List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(token, batchSize());
        List<TrackedEventMessage<?>> events = new ArrayList<>(fetched.size());
        EventUtils.upcastAndDeserializeTrackedEvents(fetched.stream(), getEventSerializer(), upcasterChain)
                .forEach(events::add);
        // the window is the batch size's positions above the token's (or, after a gap wider than it, up to the
        // first event past the gap): a fetch that reached its top may have left events above it
        long from = token == null ? -1 : ((GapAwareTrackingToken) token).getIndex();
        long newest = fetched.isEmpty() ? from : ((GapAwareTrackingToken) fetched.get(fetched.size() - 1)
                .trackingToken()).getIndex();
        return new Fetch(events, newest >= from + batchSize());
    }

    /** An entry of the event table whose timestamp was read when it was (Axon's parses it at every ask). */
    private static final class TimedEntry extends GenericDomainEventEntry<byte[]> {

        private final Instant timestamp;

        TimedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                Instant timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, STORED_ELSEWHERE, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    @Override
    public StreamAndHead readWithHeadOf(String stream, long from, String other) {
        List<DomainEventData<?>> rows = new ArrayList<>();
        long[] otherHead = {-1};
        transactions.executeInTransaction(() -> {
            try (Connection connection = connections.getConnection();
                    PreparedStatement statement = connection.prepareStatement(streamWithHead)) {
                statement.setString(1, other);
                statement.setString(2, stream);
                statement.setLong(3, from);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        long found = result.getLong("other_head");
                        otherHead[0] = result.wasNull() ? -1 : found;
                        if (result.getString(schema.eventIdentifierColumn()) != null) {
                            rows.add(getDomainEventData(result));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new EventStoreException("streams " + stream + " and " + other + " could not be read", e);
            }
        });
        List<DomainEventMessage<?>> events = new ArrayList<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), getEventSerializer(), upcasterChain)
                .asStream().forEach(events::add);
        return new StreamAndHead(events, otherHead[0] < 0 ? OptionalLong.empty() : OptionalLong.of(otherHead[0]));
    }

    @Override
    public OptionalLong headOf(String stream) {
        long[] found = {-1};
        transactions.executeInTransaction(() -> {
            try (Connection connection = connections.getConnection();
                    PreparedStatement statement = connection.prepareStatement(head)) {
                statement.setString(1, stream);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    long sequence = result.getLong(1);
                    found[0] = result.wasNull() ? -1 : sequence;
                }
            } catch (SQLException e) {
                throw new EventStoreException("stream " + stream + " could not be read", e);
            }
        });
        return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
    }

    /** The batch predicate for {@link Builder#finalAggregateBatchPredicate}: a short batch ends a gap-free stream. */
    static boolean lastBatchOfAStream(List<? extends DomainEventData<?>> batch, int batchSize) {
        return batch.size() < batchSize;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try (Connection connection = connections.getConnection();
                    PreparedStatement statement = connection.prepareStatement(insert)) {
                for (EventMessage<?> event : events) {
                    DomainEventMessage<?> stored = asDomainEvent(event);
                    bind(statement, stored, serializer);
                    try (ResultSet position = statement.executeQuery()) {
                        position.next();
                        AppendedPositions.appended(stored.getAggregateIdentifier(), stored.getSequenceNumber(),
                                position.getLong(1));
                    }
                }
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    /** The columns in the order of {@link EventSchema#domainEventFields()}, as Axon's own append writes them. */
    private void bind(PreparedStatement statement, DomainEventMessage<?> event, Serializer serializer)
            throws SQLException {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        statement.setString(1, event.getIdentifier());
        statement.setString(2, event.getAggregateIdentifier());
        statement.setLong(3, event.getSequenceNumber());
        statement.setString(4, event.getType());
        writeTimestamp(statement, 5, event.getTimestamp());
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setBytes(8, payload.getData());
        statement.setBytes(9, metaData.getData());
    }

    /** An event outside any stream is stored as Axon stores it: its own id as the stream, at sequence 0. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
