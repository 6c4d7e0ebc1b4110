package com.ticketledger.command.api;

import com.ticketledger.command.CommandSideApplication;
import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side instances behind one load balancer, on one PostgreSQL (docs/design.md, "Several machines"):
 * commands on the same tickets, sent half to each, concurrently. The stream's (ticket, sequence) key orders them;
 * an instance that lost a race decides again on the ticket as it now is. Nothing is lost, nothing is applied
 * twice, nothing is refused that the ticket allows, and what the ticket allows once is allowed once.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoInstancesIT extends CommandSideIT {

    static final int TICKETS = 20;
    static final int NOTES_PER_TICKET = 12;

    static ConfigurableApplicationContext other;
    static int otherPort;

    @BeforeAll
    static void startAnotherInstance() {
        other = new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("embedded")
                .run("--server.port=0", "--management.server.port=0",
                        "--spring.datasource.url=" + EmbeddedDatabase.forTests().jdbcUrl(),
                        "--spring.datasource.username=" + EmbeddedDatabase.USER);
        otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopIt() {
        if (other != null) {
            other.close();
        }
    }

    /** Each command to one instance or the other, alternately, from 16 clients at once. */
    List<Answer> concurrently(int count, IntFunction<Answer> command) {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(CompletableFuture.supplyAsync(() -> command.apply(n), clients));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
    }

    int instance(int n) {
        return n % 2 == 0 ? port : otherPort;
    }

    @Test
    void notesSentToBothInstancesAtOnceAreAllAppliedInOneGapFreeStreamPerTicket() {
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(postTo(instance(i), "operator", "/api/tickets", openBody("acme")).ticketId());
        }
        List<Answer> answers = concurrently(TICKETS * NOTES_PER_TICKET, n -> postTo(instance(n), "ana",
                "/api/tickets/" + tickets.get(n % TICKETS) + "/notes", "{\"text\":\"note " + n + "\"}"));

        assertThat(answers).extracting(Answer::status).as("a note is always allowed: none refused")
                .containsOnly(200);
        for (UUID ticket : tickets) {
            assertThat(sequences(ticket)).as("one event per note, in a gap-free stream")
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, NOTES_PER_TICKET).boxed().toList());
        }
        assertThat(answers.stream().map(answer -> answer.header("X-Ledger-Position").orElseThrow())
                .collect(Collectors.toSet())).as("each answer names its own event's position")
                .hasSize(answers.size());
    }

    @Test
    void whatATicketAllowsOnceIsAppliedOnceWhicheverInstanceAsks() {
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            UUID ticket = openTicket("operator", "acme");
            assertThat(post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}").status())
                    .isEqualTo(200);
            tickets.add(ticket);
        }
        // Per ticket, four resolutions at once (two per instance): exactly one is applied, the others are refused
        // because the ticket is by then PENDING_CLOSURE.
        List<Answer> answers = concurrently(TICKETS * 4, n -> postTo(instance(n), "ana",
                "/api/tickets/" + tickets.get(n % TICKETS) + "/pending-closure", "{\"resolution\":\"fix " + n + "\"}"));

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus).as("one applied per ticket, the rest refused as conflicts")
                .containsOnlyKeys(200, 409).containsEntry(200, (long) TICKETS).containsEntry(409, 3L * TICKETS);
        for (UUID ticket : tickets) {
            assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "TicketPendingClosure");
        }
    }
}
