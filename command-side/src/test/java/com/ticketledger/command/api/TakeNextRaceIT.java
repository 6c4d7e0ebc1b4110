package com.ticketledger.command.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty L1 engineers take from one queue at the same moment: nobody jumps the queue and nobody gets a ticket
 * another got. The desk's users are the operator and the racers, who log in with the demo engineer ana's password.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TakeNextRaceIT extends CommandSideIT {

    static final int RACERS = 20;

    /** The demo users' hashes (ledger-demo-users.yml): the operator's, and ana's for every racer. */
    static final String OPERATOR_HASH = "{bcrypt}$2a$10$gXSUfzCklh7qVqj.HbAzUumnynYq8R8clMOCp3jQ8NN76uZqD9zjS";
    static final String ANA_HASH = "{bcrypt}$2a$10$QDYxN.WID5qw.fi.0YiPMe03E33s2B1GdiCiINrMzSAVrZv6aLoo2";

    @DynamicPropertySource
    static void racers(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.users[0].name", () -> "operator");
        registry.add("ledger.security.users[0].role", () -> "OPERATOR");
        registry.add("ledger.security.users[0].password-hash", () -> OPERATOR_HASH);
        for (int i = 1; i <= RACERS; i++) {
            registry.add("ledger.security.users[" + i + "].name", racer(i)::toString);
            registry.add("ledger.security.users[" + i + "].role", () -> "ENGINEER");
            registry.add("ledger.security.users[" + i + "].level", () -> "L1");
            registry.add("ledger.security.users[" + i + "].password-hash", () -> ANA_HASH);
        }
    }

    static String racer(int i) {
        return "racer-%02d".formatted(i);
    }

    Answer take(String racer) {
        return execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues/L1/next"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", basic(racer, "ana"))
                .build());
    }

    List<UUID> openTickets(int count) {
        // A racer's first request pays for bcrypt; the race should not.
        IntStream.rangeClosed(1, RACERS).forEach(i -> take(racer(i)));
        while (take(racer(1)).status() == 201) {
            // other tests of this database left tickets waiting at L1: the race starts from an empty queue
        }
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opened.add(openTicket("operator", "acme"));
        }
        return opened;
    }

    /** Each racer's answers, the racers all starting at once; each takes until the queue answers 404. */
    List<List<Answer>> race() {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<CompletableFuture<List<Answer>>> racers = new ArrayList<>();
            for (int i = 1; i <= RACERS; i++) {
                String racer = racer(i);
                racers.add(CompletableFuture.supplyAsync(() -> {
                    IdempotencyIT.await(start);
                    List<Answer> answers = new ArrayList<>();
                    Answer answer;
                    do {
                        answer = take(racer);
                        answers.add(answer);
                    } while (answer.status() == 201);
                    return answers;
                }, pool));
            }
            start.countDown();
            return racers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    void everyTicketIsTakenExactlyOnce(List<UUID> opened, List<List<Answer>> answers) {
        List<Answer> all = answers.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(Answer::status).as("201 or 404, never anything else").containsOnly(201, 404);
        List<UUID> taken = all.stream().filter(answer -> answer.status() == 201).map(Answer::ticketId).toList();
        assertThat(taken).as("no ticket twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(taken)).as("every ticket taken, none lost").isEqualTo(Set.copyOf(opened));
        assertThat(answers).as("each racer stops at its first 404").allSatisfy(racer ->
                assertThat(racer.get(racer.size() - 1).status()).isEqualTo(404));
        for (UUID ticket : opened) {
            assertThat(eventTypes(ticket)).as("one assignment of " + ticket).containsExactly("TicketOpened",
                    "TicketAssigned");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM queue_index WHERE level = 'L1' AND status = 'OPEN'")
                .query(Long.class).single()).as("the queue is empty").isZero();
    }

    @Test
    void twentyEngineersRacingNeverTakeTheSameTicket() {
        List<UUID> opened = openTickets(12);

        List<List<Answer>> answers = race();

        everyTicketIsTakenExactlyOnce(opened, answers);
        assertThat(answers.stream().flatMap(List::stream).filter(answer -> answer.status() == 404)).as(
                "the surplus takers get 404").hasSize(RACERS);
    }

    @Test
    void twentyEngineersRacingOverMoreTicketsThanTheyAreTakeEachExactlyOnce() {
        List<UUID> opened = openTickets(45);

        List<List<Answer>> answers = race();

        everyTicketIsTakenExactlyOnce(opened, answers);
    }
}
