package com.ticketledger.query.processing;

import com.ticketledger.store.LedgerFetches;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The ledger as the processors stream it, calling a processor back as soon as an event is there. A pooled
 * processor that has read everything asks its stream to call it back when more arrives; the embedded event
 * store's streams cannot, so the processor looked again only every half second, and that was the projections'
 * lag whenever the desk was not busy. Each stream here has a watcher thread that reads the ledger every
 * {@code ledger.processing.fetch-delay} (each stream reads it on its own: {@code ProcessingConfiguration}) and calls
 * the processor back when there are events.
 *
 * <p>The watcher reads a fetch at a time ({@link LedgerFetches}), not through the event store's stream, which reads
 * on until a fetch comes back empty: every read of new events ended with one more fetch (two statements when it
 * found nothing), and the processor was called back only after it.
 *
 * <p>Each processor reads through a view named after it ({@link #of(String)}), so that a read waiting for that
 * projection to reach a position can have its stream read the ledger at once ({@link #readNow(String)}) rather
 * than at the end of its watcher's pause.
 */
public final class WatchedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> ledger;
    private final LedgerFetches fetches;
    private final long pauseNanos;
    private final AtomicInteger openStreams;
    private final Map<String, Set<WatchedStream>> byProcessor;
    /** The processor this view's streams are kept under ({@link #of}); null for the source itself. */
    private final String processor;

    /**
     * @param ledger  the event store, which makes the processors' first tokens
     * @param fetches the ledger's stream, a fetch at a time: what the watchers read
     * @param pause   how long a watcher waits before it reads the ledger again: after a call back, the time a
     *                processor gets to read what is there before it is called again (a busy processor reads on
     *                without being called, and each call back costs it a batch, a transaction with its token,
     *                however few events it holds); after finding nothing, the time before it looks again
     */
    public WatchedEventSource(StreamableMessageSource<TrackedEventMessage<?>> ledger, LedgerFetches fetches,
            Duration pause) {
        this(ledger, fetches, pause.toNanos(), new AtomicInteger(), new ConcurrentHashMap<>(), null);
    }

    private WatchedEventSource(StreamableMessageSource<TrackedEventMessage<?>> ledger, LedgerFetches fetches,
            long pauseNanos, AtomicInteger openStreams, Map<String, Set<WatchedStream>> byProcessor,
            String processor) {
        this.ledger = ledger;
        this.fetches = fetches;
        this.pauseNanos = pauseNanos;
        this.openStreams = openStreams;
        this.byProcessor = byProcessor;
        this.processor = processor;
    }

    /**
     * The same ledger as the processor {@code processor} reads it, sharing this source's watchers: the streams it
     * opens are the ones {@link #readNow} reads.
     */
    public WatchedEventSource of(String processor) {
        return new WatchedEventSource(ledger, fetches, pauseNanos, openStreams, byProcessor, processor);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        openStreams.incrementAndGet();
        WatchedStream stream = new WatchedStream(fetches, trackingToken, pauseNanos, this::closed);
        if (processor != null) {
            byProcessor.computeIfAbsent(processor, name -> ConcurrentHashMap.newKeySet()).add(stream);
        }
        return stream;
    }

    private void closed(WatchedStream stream) {
        openStreams.decrementAndGet();
        if (processor != null) {
            byProcessor.get(processor).remove(stream);
        }
    }

    /**
     * Has each stream of {@code processor} read the ledger now, instead of at the end of its pause: what a read
     * that waits for the projection to reach a position asks for. An event committed before this call is read by
     * the read it causes (a watcher in the middle of a read reads once more at once).
     */
    public void readNow(String processor) {
        byProcessor.getOrDefault(processor, Set.of()).forEach(WatchedStream::readNow);
    }

    /** How many streams read the ledger through this source and its views now: one per running processor. */
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
     * called whenever events are there to read. Only the watcher reads the ledger: every pause it reads what has
     * arrived, up to {@value #READ_AHEAD} events ahead of the processor (and one fetch more at most), and calls it
     * back; the processor takes the events from what the watcher read, and never waits for the database. A processor
     * that asked the ledger itself whenever it had taken everything read again and again while events kept coming, one
     * or two at a time: in run G2 (docs/BENCHMARKS.md, session 16) 2.7 reads and 3 transactions of projections per
     * command. A fetch that fails (the database away) is tried again after a pause.
     */
    static final class WatchedStream implements BlockingStream<TrackedEventMessage<?>> {

        /** The most events a watcher holds that its processor has not taken yet, before it fetches more. */
        static final int READ_AHEAD = 4_000;

        private static final Logger log = LoggerFactory.getLogger(WatchedStream.class);

        private final LedgerFetches fetches;
        private final long pauseNanos;
        private final Consumer<WatchedStream> onClose;
        private final ReentrantLock held = new ReentrantLock();
        private final Condition arrived = held.newCondition();
        private final Condition taken = held.newCondition();
        private final Deque<TrackedEventMessage<?>> read = new ArrayDeque<>();
        private final CountDownLatch named = new CountDownLatch(1);
        private final ExecutorService watcher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ledger-stream-watcher");
            thread.setDaemon(true);
            return thread;
        });
        /** The token after the last event fetched: where the next fetch begins. Only the watcher's. */
        private TrackingToken last;
        /** Whether the last fetch failed (logged once, until a fetch succeeds). Only the watcher's. */
        private boolean failing;
        private volatile Runnable callback;
        private volatile boolean closed;
        private volatile Thread watching;

        WatchedStream(LedgerFetches fetches, TrackingToken from, long pauseNanos, Consumer<WatchedStream> onClose) {
            this.fetches = fetches;
            this.last = from;
            this.pauseNanos = pauseNanos;
            this.onClose = onClose;
            watcher.execute(this::watch);
        }

        /**
         * Once a callback is named, reads what arrived and calls it back, then pauses; until closed. With as many
         * events held as it may, it waits instead until the processor has taken half of them (a catch-up reads on
         * without a pause).
         */
        private void watch() {
            watching = Thread.currentThread();
            try {
                named.await();
                while (!closed) {
                    if (readAhead() > 0) {
                        callback.run();
                    }
                    if (!waitedForRoom()) {
                        LockSupport.parkNanos(pauseNanos);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Ends the watcher's pause now, or, if it is reading, the next one as soon as it begins (a permit of
         * {@link LockSupport#unpark}): either way it reads the ledger again at once.
         */
        void readNow() {
            Thread watcher = watching;
            if (watcher != null) {
                LockSupport.unpark(watcher);
            }
        }

        /** When the read-ahead is full, waits until half of it is taken (or a pause); false when it was not full. */
        private boolean waitedForRoom() throws InterruptedException {
            held.lockInterruptibly();
            try {
                if (read.size() < READ_AHEAD) {
                    return false;
                }
                long left = pauseNanos;
                while (read.size() > READ_AHEAD / 2 && !closed && left > 0) {
                    left = taken.awaitNanos(left);
                }
                return true;
            } finally {
                held.unlock();
            }
        }

        /**
         * Reads what the ledger holds now, a fetch at a time while a fetch says more may follow, up to the read-ahead;
         * answers how many events it read. A fetch that fails ends the read (logged once, until one succeeds): the
         * next is tried after the pause.
         */
        private int readAhead() {
            int added = 0;
            try {
                boolean more = true;
                while (more && !closed && room()) {
                    LedgerFetches.Fetch fetch = fetches.after(last);
                    List<TrackedEventMessage<?>> events = fetch.events();
                    if (!events.isEmpty()) {
                        held.lock();
                        try {
                            read.addAll(events);
                            arrived.signalAll();
                        } finally {
                            held.unlock();
                        }
                        last = events.get(events.size() - 1).trackingToken();
                        added += events.size();
                    }
                    more = fetch.more();
                }
                if (failing) {
                    failing = false;
                    log.info("Reading the ledger again");
                }
            } catch (RuntimeException e) {
                if (!closed && !failing) {
                    failing = true;
                    log.warn("Reading the ledger failed; trying again every {} ms", pauseNanos / 1_000_000, e);
                } else {
                    log.debug("Reading the ledger failed again", e);
                }
            }
            return added;
        }

        private boolean room() {
            held.lock();
            try {
                return read.size() < READ_AHEAD;
            } finally {
                held.unlock();
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
            held.lock();
            try {
                return Optional.ofNullable(read.peekFirst());
            } finally {
                held.unlock();
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long left = unit.toNanos(timeout);
            held.lockInterruptibly();
            try {
                while (read.isEmpty() && !closed && left > 0) {
                    left = arrived.awaitNanos(left);
                }
                return !read.isEmpty();
            } finally {
                held.unlock();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            held.lockInterruptibly();
            try {
                while (read.isEmpty()) {
                    if (closed) {
                        throw new IllegalStateException("the stream is closed");
                    }
                    arrived.await();
                }
                TrackedEventMessage<?> next = read.pollFirst();
                if (read.size() == READ_AHEAD / 2) {
                    taken.signalAll();
                }
                return next;
            } finally {
                held.unlock();
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            onClose.accept(this);
            watcher.shutdownNow();
            held.lock();
            try {
                arrived.signalAll();
                taken.signalAll();
            } finally {
                held.unlock();
            }
        }
    }
}
