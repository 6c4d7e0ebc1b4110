package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A read waiting for a projection is woken when one of that projection's batches ends, and by no other. */
class BatchEndsTest {

    private final BatchEnds ends = new BatchEnds();

    /** A thread that waits for {@code projection}, parked for up to 30 s; answers whether it was woken before. */
    private FutureTask<Boolean> waiter(String projection, CountDownLatch registered) {
        FutureTask<Boolean> waiter = new FutureTask<>(() -> {
            try (BatchEnds.Waiting waiting = ends.waiting(projection)) {
                registered.countDown();
                long began = System.nanoTime();
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(30));
                return System.nanoTime() - began < TimeUnit.SECONDS.toNanos(30);
            }
        });
        new Thread(waiter, "waiting for " + projection).start();
        return waiter;
    }

    private void batchOf(String projection) throws Exception {
        DefaultUnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(
                GenericEventMessage.asEventMessage("an event"));
        batch.executeWithResult(() -> ends.interceptor(projection).handle(batch, () -> null));
    }

    @Test
    void aBatchThatEndsWakesTheReadsWaitingForItsProjectionAndNoOthers() throws Exception {
        CountDownLatch registered = new CountDownLatch(2);
        FutureTask<Boolean> status = waiter("ticket-status", registered);
        FutureTask<Boolean> reports = waiter("reports", registered);
        assertThat(registered.await(5, TimeUnit.SECONDS)).isTrue();

        batchOf("ticket-status");

        assertThat(status.get(10, TimeUnit.SECONDS)).as("woken long before its 30 s").isTrue();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !reports.isDone());
        batchOf("reports");
        assertThat(reports.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
