package com.ticketledger.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only the watcher reads the ledger: it reads ahead of the processor, up to a bound, and calls it back; the processor
 * takes what was read and never waits for the ledger, nor for a watcher that looks at an idle one again and again.
 */
class WatchedStreamTest {

    /**
     * A stream with nothing to read, ever: each look at the ledger takes 20 ms (a slow query), and a wait for an
     * event lasts its whole time-out besides.
     */
    private static final class IdleStream implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(20);
            unit.sleep(timeout);
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("nothing to read");
        }

        @Override
        public void close() {
        }
    }

    /** A ledger of {@code size} events, read one by one; counts how many were handed out. */
    private static final class FiniteStream implements BlockingStream<TrackedEventMessage<?>> {
        final AtomicInteger handedOut = new AtomicInteger();
        private final int size;

        FiniteStream(int size) {
            this.size = size;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            throw new IllegalStateException("the watcher does not peek");
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return handedOut.get() < size;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            int position = handedOut.getAndIncrement();
            return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage("event " + position));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theWatcherReadsAheadUpToItsBoundCallsBackAndTheProcessorTakesEveryEventInOrder() throws Exception {
        int size = WatchedEventSource.WatchedStream.READ_AHEAD * 2 + 500;
        FiniteStream ledger = new FiniteStream(size);
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(ledger,
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
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(new IdleStream(),
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
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(new IdleStream(),
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
}
