package com.ticketledger.command.queue;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings the queue index up to the ledger when this instance starts, before it serves anything: a ledger that
 * already had events before the index existed (an existing deployment: the index starts empty), or events appended
 * by a command side that did not keep the index. It reads, through Axon's storage engine (so upcasters apply), every
 * event after the newest position the index holds and applies it as the live handler would; what the index already
 * has changes nothing (each row is guarded by the ticket's sequence number).
 *
 * <p>Why at start-up rather than in a Flyway Java migration: a migration runs once, at its version, and would read
 * events without Axon's serializer and upcasters; the start-up catch-up runs at every start and so also repairs an
 * index left behind later. Events appended by this version are applied in their own transaction by
 * {@link QueueIndex}, so between starts the index is never behind. Upgrade every command-side instance before
 * taking from queues: an older instance appends events the index does not see until the next start.
 */
@Component
public class QueueIndexCatchUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(QueueIndexCatchUp.class);

    /** Events applied per transaction. */
    private static final int BATCH = 500;

    private final QueueIndex index;
    private final EventStorageEngine storage;
    private final TransactionTemplate transaction;

    QueueIndexCatchUp(QueueIndex index, EventStorageEngine storage, PlatformTransactionManager transactions) {
        this.index = index;
        this.storage = storage;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs once every bean exists (Flyway has migrated) and before the web server or Axon's processors start. */
    @Override
    public void afterSingletonsInstantiated() {
        long from = index.position();
        long applied = catchUp();
        if (applied > 0) {
            log.info("queue index caught up from ledger position {}: {} events read", from, applied);
        }
    }

    /** Applies every event after the index's newest position; returns how many events were read. */
    public long catchUp() {
        long from = index.position();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(
                GapAwareTrackingToken.newInstance(from, Set.of()), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            while (iterator.hasNext()) {
                batch.add(iterator.next());
                if (batch.size() == BATCH || !iterator.hasNext()) {
                    transaction.executeWithoutResult(status -> index.applyAll(batch));
                    read += batch.size();
                    batch.clear();
                }
            }
        }
        return read;
    }
}
