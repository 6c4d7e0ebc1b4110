package com.ticketledger.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ledger as the processors stream it, calling a processor back as soon as an event is there. A pooled
 * processor that has read everything asks its stream to call it back when more arrives; the embedded event
 * store's streams cannot, so the processor looked again only every half second, and that was the projections'
 * lag whenever the desk was not busy. Each stream here has a watcher thread that asks it for a next event every
 * {@code ledger.processing.fetch-delay} (each stream reads the ledger on its own: {@code ProcessingConfiguration})
 * and calls the processor back when there is one.
 */
public final class WatchedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> ledger;
    private final long pauseNanos;
    private final AtomicInteger openStreams = new AtomicInteger();

    /**
     * @param ledger the event store
     * @param pause  how long a watcher waits before it asks its stream again: after a call back, the time a
     *               processor gets to read what is there before it is called again (a busy processor reads on
     *               without being called, and each call back costs it a batch, a transaction with its token,
     *               however few events it holds); after finding nothing, the time before it looks again
     */
    public WatchedEventSource(StreamableMessageSource<TrackedEventMessage<?>> ledger, Duration pause) {
        this.ledger = ledger;
        this.pauseNanos = pause.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        openStreams.incrementAndGet();
        return new WatchedStream(ledger.openStream(trackingToken), pauseNanos, openStreams::decrementAndGet);
    }

    /** How many streams read the ledger through this source now: one per running processor. */
    public int openStreams() {
        return openStreams.get();
    }

    @Override
    public TrackingToken createTailToken() {
        return ledger.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return ledger.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return ledger.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return ledger.createTokenSince(duration);
    }

    /**
     * A stream and its watcher. A processor names its callback once, when it opens the stream, and expects it
     * called whenever events are there to read. The processor and the watcher never use the stream at once:
     * each holds the lock while it does, the watcher for one look at the ledger at a time, and waits without it.
     * The lock is fair: with an unfair lock a processor waiting for it lost the race to a watcher that took it
     * back at once, for seconds at a time (a rebuild's processor took 9 s to stop: docs/BENCHMARKS.md, session
     * 13); now it waits for one look of the watcher at most.
     */
    static final class WatchedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long pauseNanos;
        private final Runnable onClose;
        private final ReentrantLock lock = new ReentrantLock(true);
        private final CountDownLatch named = new CountDownLatch(1);
        private final ExecutorService watcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ledger-stream-watcher");
            thread.setDaemon(true);
            return thread;
        });
        private volatile Runnable callback;
        private volatile boolean closed;

        WatchedStream(BlockingStream<TrackedEventMessage<?>> stream, long pauseNanos, Runnable onClose) {
            this.stream = stream;
            this.pauseNanos = pauseNanos;
            this.onClose = onClose;
            watcher.execute(this::watch);
        }

        /** Once a callback is named, calls it back each time events are there; until closed. */
        private void watch() {
            try {
                named.await();
                while (!closed) {
                    calledBack();
                    LockSupport.parkNanos(pauseNanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Calls back if an event is there now, still holding the lock: an event the processor reads was called
         * back before it could be read, never after (the call back only schedules the processor's next round).
         */
        private void calledBack() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                if (!closed && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                    callback.run();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            named.countDown();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            lock.lock();
            try {
                return stream.peek();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return stream.hasNextAvailable(timeout, unit);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                return stream.nextAvailable();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            lock.lock();
            try {
                stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            onClose.run();
            watcher.shutdownNow();
            lock.lock();
            try {
                stream.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
