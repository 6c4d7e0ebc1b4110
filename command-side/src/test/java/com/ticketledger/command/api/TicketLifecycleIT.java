package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of docs/api.md through real HTTP, and what the ledger holds afterwards. */
class TicketLifecycleIT extends CommandSideIT {

    @Test
    void openingAnswersWithTheTicketItsNumberVersionAndPosition() {
        Answer opened = post("operator", "/api/tickets", openBody("acme"), "X-Correlation-Id", "call-4711");

        assertThat(opened.status()).isEqualTo(201);
        JsonNode body = opened.json();
        UUID ticket = opened.ticketId();
        assertThat(opened.header("Location")).contains("/api/tickets/" + ticket);
        assertThat(body.get("number").asText()).matches("TCK-\\d{6}");
        assertThat(body.get("version").asLong()).isZero();
        assertThat(opened.header("ETag")).contains("\"0\"");
        long position = body.get("position").asLong();
        assertThat(opened.header("X-Ledger-Position")).contains(Long.toString(position));
        assertThat(jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = :p")
                .param("p", position).query(String.class).single()).isEqualTo(ticket.toString());
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened");

        JsonNode metaData = metaData(ticket, 0);
        assertThat(metaData.get("user").asText()).isEqualTo("operator");
        assertThat(metaData.get("role").asText()).isEqualTo("OPERATOR");
        assertThat(metaData.get("correlationId").asText()).isEqualTo("call-4711");
    }

    @Test
    void ticketNumbersAreUniqueAndIncreasing() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer opened = post("acme-1", "/api/tickets", openBody("acme"));
            numbers.add(Integer.parseInt(opened.json().get("number").asText().substring(4)));
        }
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aTicketLivesItsWholeLifeFromOpeningToReopening() {
        UUID ticket = openTicket("acme-1", "acme");
        String path = "/api/tickets/" + ticket;

        assertThat(post("operator", path + "/assignment", "{\"engineer\":\"ana\"}").status()).isEqualTo(200);
        assertThat(post("ana", path + "/notes", "{\"text\":\"checking the gateway\",\"visibility\":\"INTERNAL\"}")
                .status()).isEqualTo(200);
        assertThat(post("acme-2", path + "/notes", "{\"text\":\"still down here\"}").status()).isEqualTo(200);
        assertThat(post("ana", path + "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"routing issue\"}").status())
                .isEqualTo(200);
        assertThat(post("bruno", path + "/assignment", "{\"engineer\":\"bruno\"}").status()).isEqualTo(200);
        assertThat(post("bruno", path + "/escalation", "{\"toLevel\":\"L3\",\"reason\":\"firmware\"}").status())
                .isEqualTo(200);
        assertThat(post("operator", path + "/assignment", "{\"engineer\":\"carla\"}").status()).isEqualTo(200);
        assertThat(post("carla", path + "/escalation",
                "{\"toLevel\":\"VENDOR\",\"reason\":\"firmware bug\",\"vendorCaseRef\":\"TAC-7781\"}").status())
                .isEqualTo(200);
        assertThat(post("carla", path + "/pending-closure", "{\"resolution\":\"vendor patch applied\"}").status())
                .isEqualTo(200);
        assertThat(post("acme-1", path + "/reopening", "{\"reason\":\"fails again after reboot\"}").status())
                .isEqualTo(200);
        assertThat(post("carla", path + "/pending-closure", "{\"resolution\":\"patch made persistent\"}").status())
                .isEqualTo(200);
        Answer accepted = post("acme-2", path + "/acceptance", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("version").asLong()).isEqualTo(12);
        assertThat(accepted.header("ETag")).contains("\"12\"");
        Answer reopened = post("acme-1", path + "/reopening", "{\"reason\":\"came back a week later\"}");
        assertThat(reopened.status()).isEqualTo(200);

        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "NoteAdded", "NoteAdded",
                "TicketEscalated", "TicketAssigned", "TicketEscalated", "TicketAssigned", "TicketEscalated",
                "TicketPendingClosure", "TicketReopened", "TicketPendingClosure", "ClosureAccepted", "TicketReopened");
        assertThat(sequences(ticket)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        JsonNode clientNote = metaData(ticket, 3);
        assertThat(clientNote.get("user").asText()).isEqualTo("acme-2");
        assertThat(clientNote.get("role").asText()).isEqualTo("CLIENT");
        assertThat(clientNote.get("organisation").asText()).isEqualTo("acme");
        assertThat(metaData(ticket, 8).get("level").asText()).isEqualTo("L3");
    }

    @Test
    void acceptanceTakesAnOptionalComment() {
        UUID ticket = assignedTicket();
        post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"done\"}");
        Answer accepted = post("acme-1", "/api/tickets/" + ticket + "/acceptance", "{\"comment\":\"thanks\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(eventTypes(ticket)).endsWith("ClosureAccepted");
    }

    @Test
    void eventsAreStoredAsReadableJson() {
        UUID ticket = openTicket("operator", "acme");
        String payload = new String(jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", ticket.toString()).query(byte[].class).single(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"title\":\"VPN down\"").contains("\"priority\":\"HIGH\"")
                .contains("\"occurredAt\":\"2026-11-24T08:30:00Z\"");
    }
}
