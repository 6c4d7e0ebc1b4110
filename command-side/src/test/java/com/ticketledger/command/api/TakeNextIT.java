package com.ticketledger.command.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Take next (docs/domain.md, "Queues"): the caller gets the head of their level's queue in queue order, answered
 * like a command, and nothing when nobody waits. Each test first empties the queue it uses, which other tests of
 * the same database fill.
 */
class TakeNextIT extends CommandSideIT {

    static final String L1_NEXT = "/api/queues/L1/next";

    /** Takes every ticket waiting in the level's queue, as {@code engineer}; returns how many there were. */
    int drain(String engineer, String level) {
        int taken = 0;
        while (post(engineer, "/api/queues/" + level + "/next", null).status() == 201) {
            taken++;
        }
        return taken;
    }

    UUID open(String type, String priority) {
        Answer opened = post("operator", "/api/tickets", """
                {"clientId":"acme","type":"%s","priority":"%s","title":"%s %s","description":"d",
                 "reporter":{"name":"Marta","phone":"+54 341 555 0100"}}""".formatted(type, priority, priority, type));
        assertThat(opened.status()).isEqualTo(201);
        return opened.ticketId();
    }

    UUID atL2() {
        UUID ticket = assignedTicket();
        assertThat(post("ana", "/api/tickets/" + ticket + "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"routing\"}")
                .status()).isEqualTo(200);
        return ticket;
    }

    @Test
    void takeNextFollowsQueueOrder() {
        drain("ana", "L1");
        UUID lowRequest = open("REQUEST", "LOW");
        UUID mediumIncident = open("INCIDENT", "MEDIUM");
        UUID criticalIncident = open("INCIDENT", "CRITICAL");
        UUID criticalChange = open("CHANGE", "CRITICAL");
        UUID laterMediumIncident = open("INCIDENT", "MEDIUM");

        List<UUID> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(post("ana", L1_NEXT, null).ticketId());
        }

        assertThat(taken).containsExactly(criticalIncident, mediumIncident, laterMediumIncident, criticalChange,
                lowRequest);
        assertThat(post("ana", L1_NEXT, null).status()).isEqualTo(404);
    }

    @Test
    void takeNextAnswersLikeACommandAndRecordsHowTheTicketWasTaken() {
        drain("bruno", "L2");
        UUID ticket = atL2();

        Answer taken = post("bruno", "/api/queues/L2/next", null, "X-Correlation-Id", "take-1");

        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.ticketId()).isEqualTo(ticket);
        assertThat(taken.header("Location")).contains("/api/tickets/" + ticket);
        assertThat(taken.json().get("version").asLong()).isEqualTo(3);
        assertThat(taken.header("ETag")).contains("\"3\"");
        assertThat(taken.header("X-Ledger-Position")).contains(taken.json().get("position").asText());
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "TicketEscalated",
                "TicketAssigned");
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :t AND sequence_number = 3""")
                .param("t", ticket.toString()).query(String.class).single();
        assertThat(payload).contains("\"engineer\":\"bruno\"", "\"level\":\"L2\"", "\"via\":\"TAKE_NEXT\"");
        assertThat(metaData(ticket, 3).get("user").asText()).isEqualTo("bruno");
        assertThat(metaData(ticket, 3).get("correlationId").asText()).isEqualTo("take-1");
    }

    @Test
    void directAssignmentStaysAndIsRecordedAsDirect() {
        UUID ticket = assignedTicket();

        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :t AND sequence_number = 1""")
                .param("t", ticket.toString()).query(String.class).single();
        assertThat(payload).contains("\"engineer\":\"ana\"", "\"via\":\"DIRECT\"");
    }

    @Test
    void anEmptyQueueIsA404() {
        drain("carla", "L3");
        long before = eventCount();

        Answer empty = post("carla", "/api/queues/L3/next", null, "Accept-Language", "es-AR");

        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:queue-empty");
        assertThat(empty.json().get("detail").asText()).isEqualTo(
                "nadie espera en la cola de L3: no hay ningún ticket para tomar");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aReclassifiedTicketTakesItsNewPlaceInTheQueueAtOnce() {
        drain("ana", "L1");
        UUID first = open("INCIDENT", "MEDIUM");
        UUID second = open("INCIDENT", "MEDIUM");
        assertThat(post("operator", "/api/tickets/" + second + "/classification",
                "{\"priority\":\"CRITICAL\",\"reason\":\"the whole branch is down\"}").status()).isEqualTo(200);

        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(second);
        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(first);
    }

    @Test
    void aCancelledTicketIsNeverTaken() {
        drain("ana", "L1");
        UUID withdrawn = open("INCIDENT", "CRITICAL");
        UUID waiting = open("INCIDENT", "LOW");
        assertThat(post("operator", "/api/tickets/" + withdrawn + "/cancellation",
                "{\"reason\":\"WITHDRAWN\",\"note\":\"solved by itself\"}").status()).isEqualTo(200);

        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(waiting);
        assertThat(post("ana", L1_NEXT, null).status()).isEqualTo(404);
        assertThat(eventTypes(withdrawn)).containsExactly("TicketOpened", "TicketCancelled");
    }

    @Test
    void aTicketTakenIsNoLongerInTheQueueNorAssignedTwice() {
        drain("ana", "L1");
        UUID ticket = open("INCIDENT", "HIGH");
        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(ticket);

        assertThat(post("ana", L1_NEXT, null).status()).isEqualTo(404);
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned");
    }

    @Test
    void aTicketAssignedDirectlyLeavesTheQueueAndOneEscalatedEntersThatLevels() {
        drain("ana", "L1");
        drain("bruno", "L2");
        UUID direct = open("INCIDENT", "CRITICAL");
        UUID waiting = open("REQUEST", "LOW");
        assertThat(post("operator", "/api/tickets/" + direct + "/assignment", "{\"engineer\":\"ana\"}").status())
                .isEqualTo(200);

        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(waiting);
        assertThat(post("ana", "/api/tickets/" + direct + "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"r\"}")
                .status()).isEqualTo(200);
        assertThat(post("bruno", "/api/queues/L2/next", null).ticketId()).isEqualTo(direct);
    }

    @Test
    void aReopenedTicketGoesBackToItsEngineerNotToTheQueue() {
        drain("ana", "L1");
        UUID ticket = open("INCIDENT", "HIGH");
        assertThat(post("ana", L1_NEXT, null).status()).isEqualTo(201);
        post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"done\"}");
        assertThat(post("acme-1", "/api/tickets/" + ticket + "/reopening", "{\"reason\":\"again\"}").status())
                .isEqualTo(200);

        assertThat(post("ana", L1_NEXT, null).status()).isEqualTo(404);
    }

    @Test
    void aRetriedTakeWithTheSameIdempotencyKeyTakesNothingMore() {
        drain("ana", "L1");
        UUID first = open("INCIDENT", "HIGH");
        UUID second = open("INCIDENT", "HIGH");

        Answer taken = post("ana", L1_NEXT, null, "Idempotency-Key", "take-" + first);
        Answer again = post("ana", L1_NEXT, null, "Idempotency-Key", "take-" + first);

        assertThat(taken.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(taken.body());
        assertThat(again.header("Location")).isEqualTo(taken.header("Location"));
        assertThat(taken.ticketId()).isEqualTo(first);
        assertThat(eventTypes(second)).containsExactly("TicketOpened");
        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(second);
    }

    @Test
    void engineersTakeOnlyFromTheirOwnLevelAndNobodyFromVendor() {
        atL2();
        long before = eventCount();

        Answer otherLevel = post("ana", "/api/queues/L2/next", null);
        Answer vendor = post("carla", "/api/queues/VENDOR/next", null);
        Answer operator = post("operator", "/api/queues/L2/next", null);

        assertThat(otherLevel.status()).isEqualTo(403);
        assertThat(otherLevel.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:not-allowed");
        assertThat(otherLevel.json().get("detail").asText())
                .isEqualTo("ana is an L1 engineer and may take only from that level's queue, not from L2");
        assertThat(vendor.status()).isEqualTo(403);
        assertThat(vendor.json().get("detail").asText()).isEqualTo(
                "nobody takes from the VENDOR queue: a ticket at VENDOR keeps its L3 engineer");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().get("detail").asText()).isEqualTo("a OPERATOR may not take tickets from a queue");
        assertThat(eventCount()).isEqualTo(before);
    }

    /**
     * Should the index ever be behind the ledger, the ticket still decides: one that is no longer waiting refuses
     * (inside a savepoint of the take's transaction) and the next one in the queue is taken.
     */
    @Test
    void aTicketNoLongerWaitingIsPassedOverForTheNextOne() {
        drain("ana", "L1");
        UUID stale = open("INCIDENT", "CRITICAL");
        UUID waiting = open("REQUEST", "LOW");
        assertThat(post("operator", "/api/tickets/" + stale + "/assignment", "{\"engineer\":\"ana\"}").status())
                .isEqualTo(200);
        jdbc.sql("UPDATE queue_index SET status = 'OPEN', assignee = NULL WHERE ticket_id = :t").param("t", stale)
                .update();

        try {
            Answer taken = post("ana", L1_NEXT, null);

            assertThat(taken.status()).isEqualTo(201);
            assertThat(taken.ticketId()).isEqualTo(waiting);
            assertThat(eventTypes(stale)).containsExactly("TicketOpened", "TicketAssigned");
        } finally {
            jdbc.sql("UPDATE queue_index SET status = 'ASSIGNED', assignee = 'ana' WHERE ticket_id = :t")
                    .param("t", stale).update();
        }
    }

    @Test
    void twoTakesRacingWithTheSameIdempotencyKeyTakeOneTicket() {
        drain("ana", "L1");
        UUID first = open("INCIDENT", "HIGH");
        UUID second = open("INCIDENT", "HIGH");
        String key = "race-" + first;
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Answer>> racing = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            IdempotencyIT.await(start);
            return post("ana", L1_NEXT, null, "Idempotency-Key", key);
        })).toList();
        start.countDown();
        List<Answer> answers = racing.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers.get(0).body()).as("the same answer twice").isEqualTo(answers.get(1).body());
        // Which twin committed first decides which of the two it took (the other twin had skipped its lock):
        // one ticket is taken, the other still waits.
        UUID taken = answers.get(0).ticketId();
        UUID other = taken.equals(first) ? second : first;
        assertThat(taken).isIn(first, second);
        assertThat(eventTypes(taken)).containsExactly("TicketOpened", "TicketAssigned");
        assertThat(eventTypes(other)).containsExactly("TicketOpened");
        assertThat(post("ana", L1_NEXT, null).ticketId()).isEqualTo(other);
    }
}
