package com.ticketledger.command.api;

import com.ticketledger.command.recording.CommandAdmission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command waits for one of the instance's command slots ({@code ledger.commands.concurrency}); one that waits
 * longer than {@code ledger.commands.max-wait} is answered 503 and records nothing.
 */
@TestPropertySource(properties = {"ledger.commands.concurrency=2", "ledger.commands.max-wait=300ms"})
class CommandAdmissionIT extends CommandSideIT {

    @Autowired
    CommandAdmission admission;

    /** Every slot taken by a command that does not end until {@link #close}. */
    final class EverySlotTaken implements AutoCloseable {
        final CountDownLatch end = new CountDownLatch(1);
        final ExecutorService holders = Executors.newCachedThreadPool();

        EverySlotTaken() {
            for (int i = 0; i < admission.slots(); i++) {
                holders.execute(() -> admission.admit(() -> {
                    try {
                        return end.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            await("every slot taken").atMost(Duration.ofSeconds(5)).until(() -> admission.free() == 0);
        }

        @Override
        public void close() throws InterruptedException {
            end.countDown();
            holders.shutdown();
            assertThat(holders.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theConfiguredNumberOfCommandsRunAtOnce() {
        assertThat(admission.slots()).isEqualTo(2);
        assertThat(admission.free()).isEqualTo(2);
    }

    @Test
    void aCommandThatFindsNoFreeSlotInTimeIsAnsweredBusyAndRecordsNothing() throws Exception {
        UUID ticket = openTicket("operator", "acme");
        long before = eventCount();
        try (EverySlotTaken taken = new EverySlotTaken()) {
            Answer answer = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"while every slot is taken\"}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).contains("1");
            assertThat(answer.json().get("type").asText()).endsWith("commands-busy");
            assertThat(answer.json().get("detail").asText()).contains("nothing was recorded");
            assertThat(eventCount()).as("nothing is written").isEqualTo(before);
        }
        assertThat(admission.free()).as("the refused command gave back no slot it did not take").isEqualTo(2);
        assertThat(post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"once a slot is free\"}").status())
                .isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aCommandWaitsForItsTurnAndIsThenRecorded() throws Exception {
        UUID ticket = openTicket("operator", "acme");
        long before = eventCount();
        CompletableFuture<Answer> waiting;
        try (EverySlotTaken taken = new EverySlotTaken()) {
            waiting = CompletableFuture.supplyAsync(
                    () -> post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"waited for its turn\"}"));
            await("the note waits for a slot").atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 1);
            assertThat(waiting).as("still waiting for a slot").isNotDone();
            assertThat(eventCount()).isEqualTo(before);
        }
        assertThat(waiting.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before + 1);
    }
}
