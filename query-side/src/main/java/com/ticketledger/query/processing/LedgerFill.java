package com.ticketledger.query.processing;

import com.ticketledger.store.LedgerBatches;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A rebuild's first pass over the ledger, without Axon's processor between the rows and the handlers: the rows are
 * read in batches ({@link LedgerBatches}, the next batch while the current one is handled), and each batch is
 * handed to the rebuild's handlers in units of work, each in one transaction with the rebuild's token, as the
 * processor's work packages would. What the processor costs to pass an event on (its stream's reading, the
 * coordinator's hand-over, the work package's checks) was most of a rebuild that handles few events: the clients'
 * rebuild went from 46,642 to 92,256 events/s without it (docs/BENCHMARKS.md, session 12).
 *
 * <p><b>Workers.</b> A ticket's events change only that ticket's rows, so the pass spreads the tickets over
 * {@code workers} threads by the handlers' own sequencing (a segment each, as a processor with that many segments
 * would), each with its own transaction: one folds its events while another's are written. The events of anything
 * else (a client, a policy, an erasure, which may change the rows of many tickets) are handled alone, between
 * the tickets' events before them and after them, in one unit of work. Every round of the pass (the tickets'
 * events up to the next other event, or a run of other events) commits only once every part of it has handled
 * and written its events: a part that fails rolls the round's other parts back. Each part stores the round's
 * token under its segment; at the end the segments become one again, at the lowest of their tokens (they differ
 * only if a commit failed after its round agreed: the processor then hands the other parts' events again, which
 * every projection's writes take as written already).
 *
 * <p>It reads until a read comes back short (the head, as it then was) and stops there; the rebuild's processor
 * then goes on from the stored token: the events appended since, any gap the pass left behind it (an append not
 * yet committed when it read past), and the catching up to the swap. A round that fails ends the pass the same
 * way: the processor takes it again from the last stored token, with its own retries.
 */
final class LedgerFill {

    private static final Logger log = LoggerFactory.getLogger(LedgerFill.class);
    /** How long a written part of a round waits for the others before it gives up, and the round with it. */
    private static final long AGREEMENT_TIMEOUT_SECONDS = 60;

    private final LedgerBatches ledger;
    private final TokenStore tokenStore;

    LedgerFill(LedgerBatches ledger, TokenStore tokenStore) {
        this.ledger = ledger;
        this.tokenStore = tokenStore;
    }

    /**
     * What a rebuild's processor is made of, for a pass that stands in for it.
     *
     * @param sequencing which events must be handled in order, one after the other (a ticket's)
     * @param spread     the events the workers may handle side by side, by {@code sequencing} (a ticket's);
     *                   any other event is handled alone, between them
     * @param workers    how many threads hand the spread events to the handlers
     */
    record Handlers(String name, EventHandlerInvoker invoker, SequencingPolicy<? super EventMessage<?>> sequencing,
            Predicate<EventMessage<?>> spread, List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
            TransactionManager transactions, ReplayToken replay, int batchSize, int workers) {
    }

    /**
     * Passes the ledger to {@code handlers} from its first event up to the head, storing the token (each message's,
     * {@code replay} advanced to it) under {@code name} with each round; stops early, between two batches, once
     * {@code stopped} says so. The token store must hold no token for {@code name}: its segments are made here,
     * starting at {@code replay}, and left as one unclaimed segment at the end for the processor to claim.
     *
     * @return the events passed to the handlers
     */
    long fill(Handlers handlers, BooleanSupplier stopped) {
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, Math.max(1, handlers.workers()) - 1);
        handlers.transactions().executeInTransaction(
                () -> tokenStore.initializeTokenSegments(handlers.name(), segments.size(), handlers.replay()));
        ExecutorService reader = Executors.newSingleThreadExecutor(
                ShadowRebuilds.named("ledger-fill[" + handlers.name() + "]"));
        ExecutorService workers = Executors.newFixedThreadPool(segments.size(),
                ShadowRebuilds.named("ledger-fill-worker[" + handlers.name() + "]"));
        long passed = 0;
        try {
            LedgerBatches.Batch batch = read(handlers, null);
            while (!batch.events().isEmpty() && !stopped.getAsBoolean()) {
                LedgerBatches.Batch current = batch;
                Future<LedgerBatches.Batch> next = current.full()
                        ? reader.submit(() -> read(handlers, current)) : null;
                for (Round round : rounds(handlers, segments, current.events())) {
                    round.run(handlers, workers);
                }
                passed += current.events().size();
                if (next == null) {
                    break;
                }
                batch = next.get();
            }
        } catch (RuntimeException | ExecutionException e) {
            log.warn("the first pass of {} stopped after {} events; its processor goes on from there",
                    handlers.name(), passed, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.shutdownNow();
            workers.shutdownNow();
            handlers.transactions().executeInTransaction(() -> oneSegment(handlers, segments));
            segments.forEach(segment -> handlers.invoker().segmentReleased(segment));
        }
        return passed;
    }

    private LedgerBatches.Batch read(Handlers handlers, LedgerBatches.Batch after) {
        return ledger.after(after == null ? null : after.token(), handlers.batchSize(),
                handlers.replay()::advancedTo);
    }

    /**
     * The pass's segments as one again, unclaimed, at the lowest of their tokens: the rebuild's processor has one
     * segment ({@link ShadowRebuilds}). Their tokens are the same unless a part's commit failed after its round
     * agreed; the processor then hands the events between them again, which the projections take as handled.
     */
    private void oneSegment(Handlers handlers, List<Segment> segments) {
        if (segments.size() == 1) {
            tokenStore.releaseClaim(handlers.name(), 0);
            return;
        }
        TrackingToken lowest = null;
        for (Segment segment : segments) {
            TrackingToken token = tokenStore.fetchToken(handlers.name(), segment.getSegmentId());
            if (lowest == null || lowest.covers(token)) {
                lowest = token;
            }
            tokenStore.deleteToken(handlers.name(), segment.getSegmentId());
        }
        tokenStore.initializeTokenSegments(handlers.name(), 1, lowest);
    }

    /**
     * A batch's events as rounds: each run of events the workers may handle side by side, split among
     * {@code segments} (every segment gets a part, even an empty one, to store the round's token), and each run of
     * other events as one part that stores the token of every segment.
     */
    private List<Round> rounds(Handlers handlers, List<Segment> segments,
            List<TrackedEventMessage<?>> events) {
        List<Round> rounds = new ArrayList<>();
        int start = 0;
        while (start < events.size()) {
            boolean spread = handlers.spread().test(events.get(start));
            int end = start + 1;
            while (end < events.size() && handlers.spread().test(events.get(end)) == spread) {
                end++;
            }
            List<TrackedEventMessage<?>> run = events.subList(start, end);
            TrackingToken token = run.get(run.size() - 1).trackingToken();
            rounds.add(spread && segments.size() > 1 ? spreadRound(handlers, segments, run, token)
                    : new Round(List.of(new Part(Segment.ROOT_SEGMENT, List.copyOf(run), segments)), token));
            start = end;
        }
        return rounds;
    }

    /** Events the workers may handle side by side, each in the part of the segment its sequence falls in. */
    private Round spreadRound(Handlers handlers, List<Segment> segments, List<TrackedEventMessage<?>> events,
            TrackingToken token) {
        Map<Segment, List<EventMessage<?>>> bySegment = new LinkedHashMap<>();
        segments.forEach(segment -> bySegment.put(segment, new ArrayList<>()));
        for (EventMessage<?> event : events) {
            // the processor's own rule: the sequence's identifier, or the event's when it has none
            Object sequence = Objects.requireNonNullElse(handlers.sequencing().getSequenceIdentifierFor(event),
                    event.getIdentifier());
            segments.stream().filter(segment -> segment.matches(sequence)).findFirst()
                    .ifPresent(segment -> bySegment.get(segment).add(event));
        }
        return new Round(bySegment.entrySet().stream()
                .map(part -> new Part(part.getKey(), part.getValue(), List.of(part.getKey()))).toList(), token);
    }

    /** A round's events for one unit of work, the segment they are handled as, and the segments it stores for. */
    private record Part(Segment segment, List<EventMessage<?>> events, List<Segment> stores) {
    }

    /** The parts of one round, committed together: each waits, written, for the others before it commits. */
    private final class Round {

        private final List<Part> parts;
        private final TrackingToken token;
        private final CountDownLatch written;
        private volatile boolean refused;

        private Round(List<Part> parts, TrackingToken token) {
            this.parts = parts;
            this.token = token;
            this.written = new CountDownLatch(parts.size());
        }

        /** Runs the parts side by side and waits for them; throws if the round did not commit. */
        void run(Handlers handlers, ExecutorService workers) throws InterruptedException, ExecutionException {
            if (parts.size() == 1) {
                commit(handlers, parts.get(0));
                return;
            }
            List<Future<?>> running = parts.stream()
                    .<Future<?>>map(part -> workers.submit(() -> commit(handlers, part))).toList();
            ExecutionException failed = null;
            for (Future<?> part : running) {
                try {
                    part.get();
                } catch (ExecutionException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }

        /** One part in one unit of work: its handlers, its token, then the round's agreement; one transaction. */
        private void commit(Handlers handlers, Part part) {
            boolean[] agreed = {false};
            try {
                if (part.events().isEmpty()) {
                    Transaction transaction = handlers.transactions().startTransaction();
                    try {
                        store(handlers, part);
                        agreed[0] = true;
                        agree();
                    } catch (RuntimeException e) {
                        transaction.rollback();
                        throw e;
                    }
                    transaction.commit();
                    return;
                }
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(part.events());
                unitOfWork.attachTransaction(handlers.transactions());
                unitOfWork.onPrepareCommit(u -> store(handlers, part));
                ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                    Object handled = new DefaultInterceptorChain<>(unitOfWork, handlers.interceptors(), message -> {
                        if (handlers.invoker().canHandle(message, part.segment())) {
                            handlers.invoker().handle(message, part.segment());
                        }
                        return null;
                    }).proceed();
                    if (unitOfWork.isLastMessage()) {
                        // after every write the handlers have asked for just before the commit
                        unitOfWork.onPrepareCommit(u -> {
                            agreed[0] = true;
                            agree();
                        });
                    }
                    return handled;
                }, RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    throw new IllegalStateException("a part of a round of the first pass failed",
                            result.exceptionResult());
                }
            } catch (RuntimeException | Error e) {
                if (!agreed[0]) {
                    refuse();
                }
                throw e;
            }
        }

        private void store(Handlers handlers, Part part) {
            part.stores().forEach(segment -> tokenStore.storeToken(token, handlers.name(),
                    segment.getSegmentId()));
        }

        /** This part has written its events: waits for the others, and fails if one of them failed. */
        private void agree() {
            written.countDown();
            try {
                if (!written.await(AGREEMENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    // a part that waits for a lock this one holds never comes: both roll back, the pass ends
                    refuse();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the round's other parts were written", e);
            }
            if (refused) {
                throw new IllegalStateException("another part of the round failed; this one rolls back with it");
            }
        }

        private void refuse() {
            refused = true;
            written.countDown();
        }
    }
}
