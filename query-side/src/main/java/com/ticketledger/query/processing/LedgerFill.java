package com.ticketledger.query.processing;

import com.ticketledger.store.LedgerBatches;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * A rebuild's first pass over the ledger, without Axon's processor between the rows and the handlers: the rows are
 * read in batches ({@link LedgerBatches}, the next batch while the current one is handled), and each batch is
 * handed to the rebuild's handlers in one unit of work and one transaction with the rebuild's token, as the
 * processor's work package would. What the processor costs to pass an event on (its stream's reading, the
 * coordinator's hand-over, the work package's checks) was most of a rebuild that handles few events: the clients'
 * rebuild went from 46,642 to 92,256 events/s without it (docs/BENCHMARKS.md, session 12).
 *
 * <p>It reads until a read comes back short (the head, as it then was) and stops there; the rebuild's processor
 * then goes on from the stored token: the events appended since, any gap the pass left behind it (an append not
 * yet committed when it read past), and the catching up to the swap. A batch that fails ends the pass the same
 * way: the processor takes it again from the last stored token, with its own retries.
 */
final class LedgerFill {

    private static final Logger log = LoggerFactory.getLogger(LedgerFill.class);

    private final LedgerBatches ledger;
    private final TokenStore tokenStore;

    LedgerFill(LedgerBatches ledger, TokenStore tokenStore) {
        this.ledger = ledger;
        this.tokenStore = tokenStore;
    }

    /** What a rebuild's processor is made of, for a pass that stands in for it. */
    record Handlers(String name, EventHandlerInvoker invoker,
            List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors, TransactionManager transactions,
            ReplayToken replay, int batchSize) {
    }

    /**
     * Passes the ledger to {@code handlers} from its first event up to the head, storing the token (each message's,
     * {@code replay} advanced to it) under {@code name}'s one segment with each batch; stops early, between two
     * batches, once {@code stopped} says so. The token store must hold no token for {@code name}: its segment is
     * made here, starting at {@code replay}, and released at the end for the processor to claim.
     *
     * @return the events passed to the handlers
     */
    long fill(Handlers handlers, BooleanSupplier stopped) {
        handlers.transactions().executeInTransaction(
                () -> tokenStore.initializeTokenSegments(handlers.name(), 1, handlers.replay()));
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ledger-fill[" + handlers.name() + "]");
            thread.setDaemon(true);
            return thread;
        });
        long passed = 0;
        try {
            LedgerBatches.Batch batch = read(handlers, null);
            while (!batch.events().isEmpty() && !stopped.getAsBoolean()) {
                LedgerBatches.Batch current = batch;
                Future<LedgerBatches.Batch> next = current.full()
                        ? reader.submit(() -> read(handlers, current)) : null;
                handle(handlers, current);
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
            handlers.transactions().executeInTransaction(() -> tokenStore.releaseClaim(handlers.name(), 0));
        }
        return passed;
    }

    private LedgerBatches.Batch read(Handlers handlers, LedgerBatches.Batch after) {
        return ledger.after(after == null ? null : after.token(), handlers.batchSize(),
                handlers.replay()::advancedTo);
    }

    /** One batch in one unit of work: its handlers, then its token, in its transaction. */
    private void handle(Handlers handlers, LedgerBatches.Batch batch) {
        List<EventMessage<?>> events = new ArrayList<>(batch.events());
        TrackingToken token = handlers.replay().advancedTo(batch.token());
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(handlers.transactions());
        unitOfWork.onPrepareCommit(u -> tokenStore.storeToken(token, handlers.name(), 0));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                handlers.interceptors(), message -> {
                    if (handlers.invoker().canHandle(message, Segment.ROOT_SEGMENT)) {
                        handlers.invoker().handle(message, Segment.ROOT_SEGMENT);
                    }
                    return null;
                }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("a batch of the first pass failed", result.exceptionResult());
        }
    }
}
