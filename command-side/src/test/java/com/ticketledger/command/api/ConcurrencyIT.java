package com.ticketledger.command.api;

import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.Visibility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent commands on one ticket: each is applied or refused, none lost, and the stream stays gap-free. */
class ConcurrencyIT extends CommandSideIT {

    List<Answer> race(int count, java.util.function.IntFunction<Answer> command) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 100));
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    IdempotencyIT.await(start);
                    return command.apply(n);
                }, pool));
            }
            start.countDown();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    /** What another command-side instance would do: append to the ticket's stream behind this one's back. */
    void appendElsewhere(UUID ticket, long sequence, Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Ticket", ticket.toString(), sequence, event,
                        Map.of("user", "bruno", "role", "ENGINEER", "level", "L1"))));
    }

    @Test
    void commandOnATicketAppendedToElsewhereIsAppliedAfterItsEvents() {
        UUID ticket = openTicket("operator", "acme");
        assertThat(post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}").status())
                .isEqualTo(200);
        appendElsewhere(ticket, 2, new NoteAdded(ticket, "from another instance", Visibility.PUBLIC));

        Answer note = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"after it\"}");

        assertThat(note.status()).isEqualTo(200);
        assertThat(note.json().get("version").asLong()).isEqualTo(3);
        assertThat(sequences(ticket)).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void commandOnATicketMovedOnElsewhereIsDecidedOnTheTicketAsItNowIs() {
        UUID ticket = openTicket("operator", "acme");
        assertThat(post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}").status())
                .isEqualTo(200);
        appendElsewhere(ticket, 2, new TicketPendingClosure(ticket, "fixed elsewhere"));

        Answer escalation = post("ana", "/api/tickets/" + ticket + "/escalation",
                "{\"toLevel\":\"L2\",\"reason\":\"needs L2\"}");

        assertThat(escalation.status()).isEqualTo(409);
        assertThat(escalation.body()).contains("PENDING_CLOSURE");
        assertThat(sequences(ticket)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void twentyConcurrentNotesAreAllAppliedInAGapFreeStream() {
        UUID ticket = openTicket("operator", "acme");
        List<Answer> answers = race(20, n -> post(n % 2 == 0 ? "ana" : "operator",
                "/api/tickets/" + ticket + "/notes", "{\"text\":\"note " + n + "\"}"));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.json().get("version").asLong())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(sequences(ticket)).containsExactlyElementsOf(LongStream.rangeClosed(0, 20).boxed().toList());
        assertThat(eventCount(ticket)).isEqualTo(21);
    }

    @Test
    void hundredConcurrentCommandsOnOneTicketAreEachAppliedOrRefusedNoneLost() {
        UUID ticket = assignedTicket();
        List<Answer> answers = race(100, n -> n % 10 == 0
                ? post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"fix " + n + "\"}")
                : post(n % 2 == 0 ? "ana" : "operator", "/api/tickets/" + ticket + "/notes", "{\"text\":\"n" + n + "\"}"));

        long applied = answers.stream().filter(answer -> answer.status() == 200).count();
        long conflicts = answers.stream().filter(answer -> answer.status() == 409).count();
        assertThat(applied + conflicts).as("each applied or refused").isEqualTo(100);
        assertThat(answers).extracting(answer -> answer.status() == 200 ? answer.json().get("version").asLong() : -1L)
                .filteredOn(version -> version >= 0).doesNotHaveDuplicates();
        assertThat(eventCount(ticket)).as("one event per applied command, none twice").isEqualTo(2 + applied);
        assertThat(sequences(ticket)).containsExactlyElementsOf(LongStream.range(0, 2 + applied).boxed().toList());
        assertThat(eventTypes(ticket).stream().filter("TicketPendingClosure"::equals)).hasSize(1);
    }

    @Test
    void thousandCommandsOnAHundredTicketsLoseNothing() {
        List<UUID> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tickets.add(openTicket("operator", i % 2 == 0 ? "acme" : "globex"));
        }
        List<Answer> answers = race(1000, n -> post("ana", "/api/tickets/" + tickets.get(n % 100) + "/notes",
                "{\"text\":\"note " + n + "\"}"));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        for (UUID ticket : tickets) {
            assertThat(sequences(ticket)).containsExactlyElementsOf(LongStream.rangeClosed(0, 10).boxed().toList());
        }
    }

    @Test
    void twentyConcurrentCommandsNamingTheSameVersionApplyExactlyOnce() {
        UUID ticket = assignedTicket();
        List<Answer> answers = race(20, n -> post("ana", "/api/tickets/" + ticket + "/notes",
                "{\"text\":\"only one of us\"}", "If-Match", "\"1\""));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 412).hasSize(19);
        assertThat(sequences(ticket)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void twentyConcurrentMixedCommandsAreEachAppliedOrRefused() {
        UUID ticket = assignedTicket();
        List<Answer> answers = race(20, n -> n % 4 == 0
                ? post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"fixed " + n + "\"}")
                : post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"note " + n + "\"}"));

        long applied = answers.stream().filter(answer -> answer.status() == 200).count();
        long refused = answers.stream().filter(answer -> answer.status() == 409).count();
        assertThat(applied + refused).isEqualTo(20);
        assertThat(eventTypes(ticket).stream().filter("TicketPendingClosure"::equals)).hasSize(1);
        assertThat(eventCount(ticket)).isEqualTo(2 + applied);
        assertThat(sequences(ticket)).containsExactlyElementsOf(LongStream.range(0, 2 + applied).boxed().toList());
    }
}
