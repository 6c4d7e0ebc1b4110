package com.ticketledger.query.processing;

import com.ticketledger.store.LedgerFetches;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only the watcher reads the ledger: it reads ahead of the processor, up to a bound, and calls it back; the processor
 * takes what was read and never waits for the ledger, nor for a watcher that looks at an idle one again and again.
 */
class WatchedStreamTest {

    /** A ledger with nothing to read, ever: each fetch takes 20 ms (a slow query). */
    private static final LedgerFetches IDLE = token -> {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        return new LedgerFetches.Fetch(List.of(), false);
    };

    /**
     * A ledger of {@code size} events, fetched {@code window} positions at a time; counts the fetches and the events
     * handed out.
     */
    private static final class FiniteLedger implements LedgerFetches {
        final AtomicInteger handedOut = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();
        private final int size;
        private final int window;

        FiniteLedger(int size, int window) {
            this.size = size;
            this.window = window;
        }

        @Override
        public Fetch after(TrackingToken token) {
            fetches.incrementAndGet();
            long from = token == null ? 0 : ((GlobalSequenceTrackingToken) token).getGlobalIndex() + 1;
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            for (long position = from; position < Math.min(size, from + window); position++) {
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                        GenericEventMessage.asEventMessage("event " + position)));
            }
            handedOut.addAndGet(events.size());
            return new Fetch(events, events.size() == window);
        }
    }

    @Test
    void theWatcherReadsAheadUpToItsBoundCallsBackAndTheProcessorTakesEveryEventInOrder() throws Exception {
        int size = WatchedEventSource.WatchedStream.READ_AHEAD * 2 + 500;
        FiniteLedger ledger = new FiniteLedger(size, 100);
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(ledger, null,
                Duration.ofMillis(10).toNanos(), closed -> { });
        AtomicInteger calledBack = new AtomicInteger();
        stream.setOnAvailableCallback(calledBack::incrementAndGet);
        try {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            // read before the processor took any: the read-ahead, and not one event more, for a while
            await().atMost(Duration.ofSeconds(5)).during(Duration.ofMillis(200))
                    .until(() -> ledger.handedOut.get() == WatchedEventSource.WatchedStream.READ_AHEAD);
            assertThat(calledBack.get()).isPositive();

            for (int position = 0; position < size; position++) {
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).as("event %d", position).isTrue();
                assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains("event " + position);
                assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(position));
            }
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            stream.close();
        }
    }

    @Test
    void closingTheStreamEndsAProcessorsWait() throws Exception {
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(IDLE, null,
                Duration.ofMillis(50).toNanos(), closed -> { });
        stream.setOnAvailableCallback(() -> { });
        FutureTask<Boolean> waiting = new FutureTask<>(() -> stream.hasNextAvailable(30, TimeUnit.SECONDS));
        Thread processor = new Thread(waiting, "processor");
        processor.start();
        // its wait for an event has begun
        await().atMost(Duration.ofSeconds(5)).until(() -> processor.getState() == Thread.State.TIMED_WAITING);

        stream.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aProcessorAskingAnIdleWatchedStreamDoesNotWaitForTheWatchersLooks() throws Exception {
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(IDLE, null,
                Duration.ofMillis(50).toNanos(), closed -> { });
        stream.setOnAvailableCallback(() -> { });
        try {
            long slowest = 0;
            for (int i = 0; i < 30; i++) {
                long asked = System.nanoTime();
                assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
                slowest = Math.max(slowest, System.nanoTime() - asked);
            }
            // the processor never looks at the ledger itself, and the watcher looks for 20 ms at a time
            assertThat(Duration.ofNanos(slowest)).as("the slowest of 30 asks").isLessThan(Duration.ofMillis(200));
        } finally {
            stream.close();
        }
    }

    /** A stream of {@code ledger} whose watcher pauses {@code pause} between reads, and a latch its call back opens. */
    private record Watched(WatchedEventSource.WatchedStream stream, CountDownLatch calledBack) implements AutoCloseable {

        static Watched of(LedgerFetches ledger, Duration pause) {
            WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(ledger, null,
                    pause.toNanos(), closed -> { });
            CountDownLatch calledBack = new CountDownLatch(1);
            stream.setOnAvailableCallback(calledBack::countDown);
            return new Watched(stream, calledBack);
        }

        boolean calledBackWithin(Duration limit) throws InterruptedException {
            return calledBack.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    @Test
    void aFetchThatDidNotFillItsWindowEndsTheReadWithoutAnotherFetch() throws Exception {
        FiniteLedger ledger = new FiniteLedger(30, 100);
        try (Watched watched = Watched.of(ledger, Duration.ofSeconds(30))) {
            assertThat(watched.calledBackWithin(Duration.ofSeconds(5))).isTrue();
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                    .until(() -> ledger.fetches.get() == 1);
            assertThat(ledger.handedOut.get()).isEqualTo(30);
        }
    }

    @Test
    void aFetchThatFilledItsWindowIsFollowedAtOnceByTheNext() throws Exception {
        FiniteLedger ledger = new FiniteLedger(250, 100);
        try (Watched watched = Watched.of(ledger, Duration.ofSeconds(30))) {
            assertThat(watched.calledBackWithin(Duration.ofSeconds(5))).isTrue();
            // 100, 100 and 50 events, within the one read: the pause is 30 s
            assertThat(ledger.fetches.get()).isEqualTo(3);
            for (int position = 0; position < 250; position++) {
                assertThat(watched.stream().nextAvailable().trackingToken())
                        .isEqualTo(new GlobalSequenceTrackingToken(position));
            }
        }
    }

    @Test
    void aFetchThatFailsIsTriedAgainAfterThePause() throws Exception {
        FiniteLedger ledger = new FiniteLedger(5, 100);
        AtomicInteger failures = new AtomicInteger();
        LedgerFetches awayAtFirst = token -> {
            if (failures.getAndIncrement() < 2) {
                throw new IllegalStateException("the database is away");
            }
            return ledger.after(token);
        };
        try (Watched watched = Watched.of(awayAtFirst, Duration.ofMillis(20))) {
            assertThat(watched.calledBackWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(watched.stream().nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
            assertThat(failures.get()).isGreaterThanOrEqualTo(3);
        }
    }
}
