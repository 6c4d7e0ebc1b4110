package com.ticketledger.query.processing;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long a projection's batches take, and how long after its append each event is in the projection's tables:
 * <ul>
 * <li>{@code ledger.projection.delay{projection}}: from an event's time (the command side's clock, as it appended
 * the event) to the commit of the batch that holds it, for each event the projection handles live (not in a
 * replay); with buckets, so that its percentiles can be read from Prometheus;</li>
 * <li>{@code ledger.projection.batch{projection, phase}}: each committed batch's {@code wait} (from its oldest event's
 * append to the batch's start: the stream's read of the ledger, and the wait for the projection's thread, a batch
 * still running, a core), {@code handle} (its events folded, from the first to the last, the rows they need read),
 * {@code write} (what the batch writes just before it commits: its token, its rows) and {@code commit};</li>
 * <li>{@code ledger.projection.batch.events{projection}}: the events in each batch.</li>
 * </ul>
 * A batch that rolls back is not measured, nor are a replay's waits and delays (its events are old).
 */
final class BatchTimings implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The delay's buckets: fine around the lag the desk's reads wait for (tens to hundreds of milliseconds). */
    private static final Duration[] DELAY_BUCKETS = Stream.of(5, 10, 20, 30, 40, 50, 60, 80, 100, 125, 150, 200, 250,
            300, 500, 1_000, 2_000, 5_000, 10_000, 30_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private final String key;
    private final Timer delay;
    private final Timer wait;
    private final Timer handle;
    private final Timer write;
    private final Timer commit;
    private final DistributionSummary sizes;

    BatchTimings(String projection, MeterRegistry registry) {
        this.key = BatchTimings.class.getName() + "." + projection;
        this.delay = Timer.builder("ledger.projection.delay")
                .description("From an event's append to the commit of the projection's batch that holds it")
                .tag("projection", projection)
                .serviceLevelObjectives(DELAY_BUCKETS)
                .register(registry);
        this.wait = phase(registry, projection, "wait");
        this.handle = phase(registry, projection, "handle");
        this.write = phase(registry, projection, "write");
        this.commit = phase(registry, projection, "commit");
        this.sizes = DistributionSummary.builder("ledger.projection.batch.events")
                .description("Events in a projection's batch")
                .tag("projection", projection)
                .register(registry);
    }

    private static Timer phase(MeterRegistry registry, String projection, String phase) {
        return Timer.builder("ledger.projection.batch")
                .description("A projection's batch, by phase: wait (its oldest event's append to its start), handle"
                        + " (its events folded), write (its token and rows written before the commit), commit")
                .tags("projection", projection, "phase", phase)
                .register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        Batch batch = root.getOrComputeResource(key, k -> {
            Batch started = new Batch(System.nanoTime(), Instant.now());
            // after the transaction's commit: the unit of work calls its commit and after-commit handlers in the
            // reverse of their order, and the processor attached the transaction before any event was handled
            root.afterCommit(u -> started.committed());
            return started;
        });
        EventMessage<?> event = unitOfWork.getMessage();
        batch.events++;
        if (!ReplayToken.isReplay(event)) {
            batch.times.add(event.getTimestamp());
        }
        try {
            return chain.proceed();
        } finally {
            batch.handled = System.nanoTime();
            if (!(root instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
                // after what the handlers registered for the batch's commit: their writes
                root.onPrepareCommit(u -> batch.written = System.nanoTime());
            }
        }
    }

    /** One batch's instants, as its unit of work passes them. */
    private final class Batch {
        final long began;
        final Instant beganAt;
        /** The times of its events handled live (a replay's are old). */
        final List<Instant> times = new ArrayList<>();
        int events;
        long handled;
        long written;

        Batch(long began, Instant beganAt) {
            this.began = began;
            this.beganAt = beganAt;
        }

        void committed() {
            long now = System.nanoTime();
            Instant committed = Instant.now();
            times.stream().min(Instant::compareTo).ifPresent(oldest -> wait.record(
                    Math.max(0, Duration.between(oldest, beganAt).toNanos()), TimeUnit.NANOSECONDS));
            handle.record(handled - began, TimeUnit.NANOSECONDS);
            if (written > 0) {
                write.record(written - handled, TimeUnit.NANOSECONDS);
                commit.record(now - written, TimeUnit.NANOSECONDS);
            }
            sizes.record(events);
            for (Instant time : times) {
                delay.record(Math.max(0, Duration.between(time, committed).toNanos()), TimeUnit.NANOSECONDS);
            }
        }
    }
}
