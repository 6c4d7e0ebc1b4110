package com.ticketledger.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the ledger needs in one statement where Axon's storage engine would send two: a stream together with the
 * head of another stream, as of the same moment (one statement sees one snapshot of PostgreSQL). The command side
 * opens a ticket with it: the client's stream, and how far its contract's SLA policy has got.
 */
public interface LedgerStreams {

    /**
     * The events of {@code stream} from its first, upcast and deserialized as Axon's own reads do, and the sequence
     * number of the newest event of {@code other} (empty when it has none), read by one statement.
     */
    default StreamAndHead readWithHeadOf(String stream, String other) {
        return readWithHeadOf(stream, 0, other);
    }

    /**
     * The events of {@code stream} from sequence number {@code from} on (a reader that folded the earlier ones
     * already), and the head of {@code other}, read by one statement.
     */
    StreamAndHead readWithHeadOf(String stream, long from, String other);

    /** The sequence number of the newest event of {@code stream}, empty when it has none. */
    OptionalLong headOf(String stream);

    /** The ledger's own storage engine's reads, or (any other engine, as in an aggregate test) {@link #over}. */
    static LedgerStreams of(EventStorageEngine storage, EventStore store) {
        return storage instanceof LedgerStreams streams ? streams : over(store);
    }

    /**
     * The same reads over any Axon event store, in two reads rather than one: for stores other than the ledger's
     * (an aggregate test's in-memory one).
     */
    static LedgerStreams over(EventStore store) {
        return new LedgerStreams() {
            @Override
            public StreamAndHead readWithHeadOf(String stream, long from, String other) {
                return new StreamAndHead(store.readEvents(stream, from).asStream().<DomainEventMessage<?>>map(e -> e)
                        .toList(), headOf(other));
            }

            @Override
            public OptionalLong headOf(String stream) {
                return store.lastSequenceNumberFor(stream).map(OptionalLong::of).orElse(OptionalLong.empty());
            }
        };
    }

    /** What {@link #readWithHeadOf} read. */
    record StreamAndHead(List<DomainEventMessage<?>> events, OptionalLong otherHead) {

        public StreamAndHead {
            events = List.copyOf(events);
        }
    }
}
