package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.Visibility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's reads: every event with its chain, the chain recomputed, the state as of any instant. */
class AuditIT extends QuerySideIT {

    final Instant opened = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));

    TicketOpened ticketWithThreeEvents() {
        TicketOpened ticket = Tickets.opened("acme");
        append(ticket, ACME_CLIENT, opened);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                opened.plus(Duration.ofMinutes(10)));
        append(new NoteAdded(ticket.ticketId(), "rebooted the gateway", Visibility.INTERNAL), ANA,
                opened.plus(Duration.ofMinutes(20)));
        return ticket;
    }

    @Test
    void auditorReadsEveryEventWithItsChain() {
        TicketOpened ticket = ticketWithThreeEvents();
        Answer answer = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/events");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode events = answer.json();
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("sequence").asLong()).isZero();
        assertThat(events.get(0).get("type").asText()).isEqualTo("TicketOpened");
        assertThat(events.get(0).get("payload").get("number").asText()).isEqualTo(ticket.number());
        assertThat(events.get(0).get("metadata").get("user").asText()).isEqualTo("acme-1");
        assertThat(Instant.parse(events.get(0).get("timestamp").asText())).isEqualTo(opened);
        assertThat(events.get(0).get("previousHash").isNull()).isTrue();
        assertThat(events.get(2).get("payload").get("text").asText()).isEqualTo("rebooted the gateway");
        for (int i = 1; i < 3; i++) {
            assertThat(events.get(i).get("previousHash").asText()).isEqualTo(events.get(i - 1).get("hash").asText());
            assertThat(events.get(i).get("position").asLong()).isGreaterThan(events.get(i - 1).get("position").asLong());
        }
        assertThat(events.get(2).get("hash").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void untouchedChainVerifies() {
        TicketOpened ticket = ticketWithThreeEvents();
        JsonNode events = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/events").json();
        JsonNode verification = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/verify").json();

        assertThat(verification.get("ticketId").asText()).isEqualTo(ticket.ticketId().toString());
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(3);
        assertThat(verification.get("headHash").asText()).isEqualTo(events.get(2).get("hash").asText());
        assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();
    }

    @Test
    void eventChangedBehindTheTriggersBackIsPointedAt() {
        TicketOpened ticket = ticketWithThreeEvents();
        // A database superuser switches the append-only trigger off and rewrites who made the assignment.
        jdbc.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
        try {
            jdbc.sql("UPDATE domain_event_entry SET meta_data = :metaData "
                            + "WHERE aggregate_identifier = :ticket AND sequence_number = 1")
                    .param("metaData", "{\"user\":\"mallory\",\"role\":\"OPERATOR\"}"
                            .getBytes(StandardCharsets.UTF_8))
                    .param("ticket", ticket.ticketId().toString())
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        }

        JsonNode verification = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/verify").json();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(verification.get("events").asInt()).isEqualTo(3);
    }

    @Test
    void stateAsOfAnInstantIsWhatTheLiveViewSaidThen() {
        TicketOpened ticket = Tickets.opened("acme");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(30));
        append(ticket, ACME_CLIENT, start);
        long assigned = append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                start.plus(Duration.ofMinutes(5)));
        Instant readAt = Instant.now();
        JsonNode liveThen = getAt("auditor", "/api/tickets/" + ticket.ticketId(), assigned).json();

        append(new TicketPendingClosure(ticket.ticketId(), "fixed"), ANA, Instant.now());
        JsonNode asOf = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/state?asOf=" + readAt).json();

        assertThat(asOf).isEqualTo(liveThen);
        assertThat(asOf.get("status").asText()).isEqualTo("ASSIGNED");
        JsonNode now = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/state?asOf=" + Instant.now()).json();
        assertThat(now.get("status").asText()).isEqualTo("PENDING_CLOSURE");
    }

    @Test
    void stateBeforeTheOpeningIsNotFound() {
        TicketOpened ticket = ticketWithThreeEvents();
        assertThat(get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/state?asOf="
                + opened.minusSeconds(1)).status()).isEqualTo(404);
        assertThat(get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/state?asOf=yesterday").status())
                .isEqualTo(400);
    }

    @Test
    void onlyAuditorsReadTheLedger() {
        TicketOpened ticket = ticketWithThreeEvents();
        for (String user : new String[] {"operator", "ana", "acme-1", "analyst"}) {
            assertThat(get(user, "/api/audit/tickets/" + ticket.ticketId() + "/events").status()).as(user)
                    .isEqualTo(403);
            assertThat(get(user, "/api/audit/tickets/" + ticket.ticketId() + "/verify").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(get("auditor", "/api/audit/tickets/" + UUID.randomUUID() + "/events").status()).isEqualTo(404);
    }
}
