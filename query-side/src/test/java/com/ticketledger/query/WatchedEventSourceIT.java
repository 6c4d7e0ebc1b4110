package com.ticketledger.query;

import com.ticketledger.events.TicketOpened;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.WatchedEventSource;
import com.ticketledger.store.LedgerFetches;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A processor that has read the whole ledger is called back by its stream when the next event arrives. */
class WatchedEventSourceIT extends QuerySideIT {

    @Autowired
    private WatchedEventSource ledgerStream;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStorageEngine storageEngine;

    private final AtomicInteger fetched = new AtomicInteger();

    /** The ledger's fetches, each counted once it has read what it found. */
    private LedgerFetches fetches() {
        LedgerFetches ledger = (LedgerFetches) storageEngine;
        return token -> {
            LedgerFetches.Fetch fetch = ledger.after(token);
            fetched.incrementAndGet();
            return fetch;
        };
    }

    @Test
    void everyProjectionReadsTheLedgerThroughTheWatchedSource() {
        int processors = processing.eventProcessors().size();
        assertThat(processors).isEqualTo(ProcessingGroups.ALL.size());
        awaitUntil("each processor reads through the watched source", Duration.ofSeconds(60),
                () -> ledgerStream.openStreams() == processors);
    }

    @Test
    void streamThatHasReadEverythingCallsBackWhenAnEventIsAppended() throws Exception {
        WatchedEventSource source = new WatchedEventSource(eventStore, fetches(), Duration.ofMillis(20));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            while (stream.hasNextAvailable()) {
                stream.nextAvailable();
            }
            CountDownLatch called = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();
            assertThat(called.await(300, TimeUnit.MILLISECONDS)).as("called back with nothing appended").isFalse();

            TicketOpened opened = Tickets.opened("acme");
            append(opened, OPERATOR, Instant.now());

            assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(opened);
        }
    }

    @Test
    void callbackNamedOnceIsCalledForEveryLaterAppend() throws Exception {
        WatchedEventSource source = new WatchedEventSource(eventStore, fetches(), Duration.ofMillis(20));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            AtomicReference<CountDownLatch> called = new AtomicReference<>(new CountDownLatch(1));
            stream.setOnAvailableCallback(() -> called.get().countDown());
            for (int append = 1; append <= 3; append++) {
                TicketOpened opened = Tickets.opened("acme");
                append(opened, OPERATOR, Instant.now());
                assertThat(called.get().await(10, TimeUnit.SECONDS)).as("called back for append " + append).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo(opened);
                called.set(new CountDownLatch(1));
                assertThat(called.get().await(300, TimeUnit.MILLISECONDS))
                        .as("called back with nothing left to read").isFalse();
            }
        }
    }

    @Test
    void processorsStreamReadsAtOnceWhenAskedInsteadOfAtTheEndOfItsPause() throws Exception {
        WatchedEventSource source = new WatchedEventSource(eventStore, fetches(), Duration.ofSeconds(30));
        WatchedEventSource waitedFor = source.of("waited-for");
        WatchedEventSource other = source.of("other");
        try (BlockingStream<TrackedEventMessage<?>> stream = waitedFor.openStream(waitedFor.createHeadToken());
                BlockingStream<TrackedEventMessage<?>> otherStream = other.openStream(other.createHeadToken())) {
            CountDownLatch called = new CountDownLatch(1);
            CountDownLatch otherCalled = new CountDownLatch(1);
            stream.setOnAvailableCallback(called::countDown);
            otherStream.setOnAvailableCallback(otherCalled::countDown);
            // both watchers read the (empty) head once, then pause for 30 s
            assertThat(called.await(300, TimeUnit.MILLISECONDS)).isFalse();
            TicketOpened opened = Tickets.opened("acme");
            append(opened, OPERATOR, Instant.now());

            source.readNow("waited-for");

            assertThat(called.await(5, TimeUnit.SECONDS)).as("called back long before the pause ends").isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(opened);
            assertThat(otherCalled.await(500, TimeUnit.MILLISECONDS)).as("another processor's stream still pauses")
                    .isFalse();
        }
        assertThat(source.openStreams()).isZero();
    }

    @Test
    void aReadOfNewEventsIsOneFetch() throws Exception {
        WatchedEventSource source = new WatchedEventSource(eventStore, fetches(), Duration.ofSeconds(30));
        WatchedEventSource waitedFor = source.of("waited-for");
        try (BlockingStream<TrackedEventMessage<?>> stream = waitedFor.openStream(waitedFor.createHeadToken())) {
            CountDownLatch called = new CountDownLatch(1);
            stream.setOnAvailableCallback(called::countDown);
            // the watcher's first read has found nothing (it is counted once done), and it pauses for 30 s
            awaitUntil("the watcher's first read", Duration.ofSeconds(5), () -> fetched.get() == 1);
            TicketOpened opened = Tickets.opened("acme");
            TicketOpened another = Tickets.opened("acme");
            append(opened, OPERATOR, Instant.now());
            append(another, OPERATOR, Instant.now());

            source.readNow("waited-for");

            assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(fetched.get()).as("the two events in one fetch, and no fetch after it to find nothing")
                    .isEqualTo(2);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(opened);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(another);
        }
    }

    @Test
    void closedStreamCallsNothingBack() throws Exception {
        WatchedEventSource source = new WatchedEventSource(eventStore, fetches(), Duration.ofMillis(20));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
        CountDownLatch called = new CountDownLatch(1);
        stream.setOnAvailableCallback(called::countDown);
        stream.close();

        append(Tickets.opened("acme"), OPERATOR, Instant.now());

        assertThat(called.await(1, TimeUnit.SECONDS)).isFalse();
    }
}
