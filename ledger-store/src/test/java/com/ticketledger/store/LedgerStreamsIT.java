package com.ticketledger.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream and the head of another, read by the ledger's storage engine in one statement, against PostgreSQL: the
 * stream's events in order, deserialized, and the other's newest sequence number, whichever of the two is empty.
 */
class LedgerStreamsIT {

    static LedgerEventStorageEngine engine;

    @BeforeAll
    static void engine() {
        // Axon's default batch size
        engine = TestStorageEngines.withBatchSize(100);
    }

    static String append(String prefix, int events) {
        String stream = prefix + ":" + UUID.randomUUID();
        engine.appendEvents(IntStream.range(0, events).mapToObj(sequence -> (DomainEventMessage<?>)
                new GenericDomainEventMessage<>("Test", stream, sequence, "event " + sequence)).toList());
        return stream;
    }

    @Test
    void theStreamInOrderAndTheOthersNewestSequenceComeTogether() {
        String client = append("client", 3);
        String policy = append("sla-policy", 2);

        LedgerStreams.StreamAndHead read = engine.readWithHeadOf(client, policy);

        assertThat(read.events()).extracting(event -> (Object) event.getPayload())
                .containsExactly("event 0", "event 1", "event 2");
        assertThat(read.events()).extracting(DomainEventMessage::getAggregateIdentifier).containsOnly(client);
        assertThat(read.otherHead()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void anEmptyStreamStillBringsTheOthersHead() {
        String policy = append("sla-policy", 4);

        LedgerStreams.StreamAndHead read = engine.readWithHeadOf("client:" + UUID.randomUUID(), policy);

        assertThat(read.events()).isEmpty();
        assertThat(read.otherHead()).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void anOtherStreamWithoutEventsHasNoHead() {
        String client = append("client", 1);

        LedgerStreams.StreamAndHead read = engine.readWithHeadOf(client, "sla-policy:" + UUID.randomUUID());

        assertThat(read.events()).extracting(event -> (Object) event.getPayload()).containsExactly("event 0");
        assertThat(read.otherHead()).isEmpty();
        assertThat(engine.headOf("sla-policy:" + UUID.randomUUID())).isEmpty();
        assertThat(engine.headOf(client)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void theOtherStreamsEventsAreNeverMixedIn() {
        String client = append("client", 2);
        String policy = append("sla-policy", 5);

        List<DomainEventMessage<?>> events = engine.readWithHeadOf(client, policy).events();

        assertThat(events).hasSize(2).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
    }

    @Test
    void aReaderThatFoldedTheStartReadsOnlyTheNewerEventsWithTheHead() {
        String client = append("client", 4);
        String policy = append("sla-policy", 3);

        LedgerStreams.StreamAndHead read = engine.readWithHeadOf(client, 2, policy);

        assertThat(read.events()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(2L, 3L);
        assertThat(read.otherHead()).isEqualTo(OptionalLong.of(2));
        LedgerStreams.StreamAndHead nothingNew = engine.readWithHeadOf(client, 4, policy);
        assertThat(nothingNew.events()).isEmpty();
        assertThat(nothingNew.otherHead()).isEqualTo(OptionalLong.of(2));
    }
}
