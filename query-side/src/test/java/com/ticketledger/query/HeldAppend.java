package com.ticketledger.query;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketOpened;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An opening appended in a transaction that stays open: it has taken its global position, so appends after it
 * commit past it and leave a gap a reader passes and must come back for once it commits.
 */
final class HeldAppend {

    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread writer;

    private HeldAppend(EventStore store, TransactionTemplate transactions, TicketOpened opened, Duration heldAtMost,
            CountDownLatch appended) {
        this.writer = new Thread(() -> transactions.executeWithoutResult(status -> {
            store.publish(new GenericDomainEventMessage<>("Ticket", opened.ticketId().toString(), 0, opened,
                    Map.of(MetaDataKeys.USER, "operator", MetaDataKeys.ROLE, "OPERATOR"),
                    UUID.randomUUID().toString(), Instant.now()));
            appended.countDown();
            try {
                release.await(heldAtMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "held-append");
    }

    /**
     * Appends {@code opened} as the operator, stamped now, and returns once its row is written and not committed;
     * it commits at {@link #commit}, or after {@code heldAtMost} whatever happens.
     */
    static HeldAppend open(EventStore store, TransactionTemplate transactions, TicketOpened opened,
            Duration heldAtMost) throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        HeldAppend held = new HeldAppend(store, transactions, opened, heldAtMost, appended);
        held.writer.start();
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    /** Lets the append commit, and waits until it has. */
    void commit() throws InterruptedException {
        release.countDown();
        writer.join();
    }
}
