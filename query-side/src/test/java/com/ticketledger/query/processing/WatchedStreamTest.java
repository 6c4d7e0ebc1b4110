package com.ticketledger.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher of a stream with nothing to read holds the stream's lock while it looks at the ledger, and looks again
 * and again; the processor that asks the stream meanwhile (its coordinator, when it stops, say) must get its turn
 * after one such look, not whenever it wins a race against the watcher.
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

    @Test
    void aProcessorAskingAnIdleWatchedStreamWaitsForOneLookOfTheWatcherAtMost() throws Exception {
        WatchedEventSource.WatchedStream stream = new WatchedEventSource.WatchedStream(new IdleStream(),
                Duration.ofMillis(50).toNanos(), () -> { });
        stream.setOnAvailableCallback(() -> { });
        try {
            long slowest = 0;
            for (int i = 0; i < 30; i++) {
                long asked = System.nanoTime();
                assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
                slowest = Math.max(slowest, System.nanoTime() - asked);
            }
            // a look of the watcher and the processor's own are 20 ms each; the margin is for a busy machine
            assertThat(Duration.ofNanos(slowest)).as("the slowest of 30 asks").isLessThan(Duration.ofMillis(400));
        } finally {
            stream.close();
        }
    }
}
