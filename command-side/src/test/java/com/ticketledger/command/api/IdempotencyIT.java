package com.ticketledger.command.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried command with the same Idempotency-Key is answered as the first time and writes nothing more. */
class IdempotencyIT extends CommandSideIT {

    @Test
    void retriedOpeningIsAnsweredAsTheFirstTimeAndWritesOnce() {
        String key = "open-" + UUID.randomUUID();
        Answer first = post("operator", "/api/tickets", openBody("acme"), "Idempotency-Key", key);
        long after = eventCount();
        Answer retry = post("operator", "/api/tickets", openBody("acme"), "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("X-Ledger-Position")).isEqualTo(first.header("X-Ledger-Position"));
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void retriedNoteWritesOnce() {
        UUID ticket = openTicket("operator", "acme");
        String key = "note-" + UUID.randomUUID();
        Answer first = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}", "Idempotency-Key", key);
        Answer retry = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}", "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "NoteAdded");
    }

    @Test
    void retriedRequestWhoseCommandTheTicketNowRefusesIsAnsweredAsTheFirstTime() {
        UUID ticket = assignedTicket();
        String key = "resolve-" + UUID.randomUUID();
        String path = "/api/tickets/" + ticket + "/pending-closure";
        Answer first = post("ana", path, "{\"resolution\":\"gateway restarted\"}", "Idempotency-Key", key);
        assertThat(post("acme-1", "/api/tickets/" + ticket + "/acceptance", null).status()).isEqualTo(200);

        Answer retry = post("ana", path, "{\"resolution\":\"gateway restarted\"}", "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).as("answered from the record, not refused as CLOSED").isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("X-Ledger-Position")).isEqualTo(first.header("X-Ledger-Position"));
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "TicketPendingClosure",
                "ClosureAccepted");
    }

    @Test
    void retriedOpeningWritesNoSecondTicketAndNoQueueEntry() {
        String key = "open-" + UUID.randomUUID();
        Answer first = post("operator", "/api/tickets", openBody("acme"), "Idempotency-Key", key);
        long queued = jdbc.sql("SELECT count(*) FROM queue_index").query(Long.class).single();
        Answer retry = post("operator", "/api/tickets", openBody("acme"), "Idempotency-Key", key);
        assertThat(retry.ticketId()).isEqualTo(first.ticketId());
        assertThat(jdbc.sql("SELECT count(*) FROM queue_index").query(Long.class).single()).isEqualTo(queued);
    }

    @Test
    void keyReusedForADifferentRequestIsRefusedAndWritesNothing() {
        UUID ticket = openTicket("operator", "acme");
        String key = "note-" + UUID.randomUUID();
        post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"first\"}", "Idempotency-Key", key);
        Answer reused = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"second\"}", "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "NoteAdded");
    }

    void ageRecord(String user, String key, Duration age) {
        assertThat(jdbc.sql("UPDATE idempotency_record SET recorded_at = now() - make_interval(secs => :s) "
                        + "WHERE user_name = :u AND idempotency_key = :k")
                .param("s", age.toSeconds()).param("u", user).param("k", key).update()).isEqualTo(1);
    }

    @Test
    void aKeyReplayedJustInsideTheRetentionIsStillAnsweredAsTheFirstTime() {
        UUID ticket = openTicket("operator", "acme");
        String key = "note-" + UUID.randomUUID();
        Answer first = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}", "Idempotency-Key", key);
        ageRecord("ana", key, Duration.ofHours(24).minusMinutes(1));

        Answer retry = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}", "Idempotency-Key", key);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "NoteAdded");
    }

    @Test
    void aKeyReplayedAfterTheRetentionIsANewCommand() {
        UUID ticket = openTicket("operator", "acme");
        String key = "note-" + UUID.randomUUID();
        Answer first = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}", "Idempotency-Key", key);
        ageRecord("ana", key, Duration.ofHours(24).plusMinutes(1));

        Answer later = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}", "Idempotency-Key", key);
        Answer retryOfTheLater = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"rebooted\"}",
                "Idempotency-Key", key);

        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().get("version").asLong()).isEqualTo(first.json().get("version").asLong() + 1);
        assertThat(retryOfTheLater.body()).as("the key is remembered again, for the new command").isEqualTo(later.body());
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "NoteAdded", "NoteAdded");
    }

    @Test
    void sameKeyFromAnotherUserIsAnotherRequest() {
        UUID ticket = openTicket("operator", "acme");
        String key = "shared-" + UUID.randomUUID();
        assertThat(post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"a\"}", "Idempotency-Key", key)
                .status()).isEqualTo(200);
        assertThat(post("operator", "/api/tickets/" + ticket + "/notes", "{\"text\":\"a\"}", "Idempotency-Key", key)
                .status()).isEqualTo(200);
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "NoteAdded", "NoteAdded");
    }

    @Test
    void refusedCommandIsNotRememberedSoItsRetryIsDecidedAgain() {
        UUID ticket = openTicket("operator", "acme");
        String key = "pc-" + UUID.randomUUID();
        assertThat(post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"r\"}",
                "Idempotency-Key", key).status()).isEqualTo(409);
        post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}");
        assertThat(post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"r\"}",
                "Idempotency-Key", key).status()).isEqualTo(200);
    }

    @Test
    void racingRetriesWithOneKeyWriteOnce() throws Exception {
        String key = "race-" + UUID.randomUUID();
        int racers = 8;
        long before = eventCount();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return post("acme-1", "/api/tickets", openBody("acme"), "Idempotency-Key", key);
                }, pool));
            }
            start.countDown();
            List<Answer> results = answers.stream().map(CompletableFuture::join).toList();
            assertThat(results).extracting(Answer::status).containsOnly(201);
            assertThat(results).extracting(Answer::body).containsOnly(results.get(0).body());
            assertThat(eventCount()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
