package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reclassifying, cancelling and closing as a duplicate through real HTTP, and what the ledger holds afterwards. */
class ReclassificationAndCancellationIT extends CommandSideIT {

    @Test
    void reclassificationAnswersLikeEveryCommandAndRecordsBeforeAndAfter() {
        Answer opened = post("acme-1", "/api/tickets", openBody("acme").replace("\"channel\"",
                "\"category\":\"network\",\"channel\""));
        assertThat(opened.status()).isEqualTo(201);
        UUID ticket = opened.ticketId();
        assertThat(payload(ticket, 0).get("category").asText()).isEqualTo("network");

        Answer answer = post("ana", "/api/tickets/" + ticket + "/classification",
                "{\"priority\":\"CRITICAL\",\"category\":\"hardware\",\"reason\":\"the whole floor is down\"}",
                "If-Match", "\"0\"", "Idempotency-Key", "reclassify-1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).isEqualTo(1);
        assertThat(answer.header("ETag")).contains("\"1\"");
        assertThat(answer.header("X-Ledger-Position")).contains(answer.json().get("position").asText());
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketReclassified");
        JsonNode event = payload(ticket, 1);
        assertThat(event.get("fromPriority").asText()).isEqualTo("HIGH");
        assertThat(event.get("toPriority").asText()).isEqualTo("CRITICAL");
        assertThat(event.get("fromType").asText()).isEqualTo("INCIDENT");
        assertThat(event.get("toType").asText()).isEqualTo("INCIDENT");
        assertThat(event.get("fromCategory").asText()).isEqualTo("network");
        assertThat(event.get("toCategory").asText()).isEqualTo("hardware");
        assertThat(event.get("reason").asText()).isEqualTo("the whole floor is down");
        assertThat(event.get("status").asText()).isEqualTo("OPEN");

        Answer retried = post("ana", "/api/tickets/" + ticket + "/classification",
                "{\"priority\":\"CRITICAL\",\"category\":\"hardware\",\"reason\":\"the whole floor is down\"}",
                "If-Match", "\"0\"", "Idempotency-Key", "reclassify-1");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("version").asLong()).isEqualTo(1);
        assertThat(eventCount(ticket)).isEqualTo(2);

        Answer stale = post("ana", "/api/tickets/" + ticket + "/classification",
                "{\"priority\":\"LOW\",\"reason\":\"second thoughts\"}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void aReclassificationThatChangesNothingIsAConflictNamingTheClassification() {
        UUID ticket = openTicket("operator", "acme");
        Answer same = post("operator", "/api/tickets/" + ticket + "/classification",
                "{\"priority\":\"HIGH\",\"type\":\"INCIDENT\",\"reason\":\"checking\"}");

        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("detail").asText()).endsWith("is already HIGH, INCIDENT, without a category; a "
                + "reclassification must change its priority, type or category");
        assertThat(eventCount(ticket)).isEqualTo(1);
    }

    @Test
    void closingAsADuplicateNamesTheOriginalByIdAndNumber() {
        Answer original = post("acme-1", "/api/tickets", openBody("acme"));
        UUID duplicate = assignedTicket();

        Answer cancelled = post("ana", "/api/tickets/" + duplicate + "/cancellation", "{\"reason\":\"DUPLICATE\","
                + "\"duplicateOf\":\"" + original.ticketId() + "\",\"note\":\"same outage\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("version").asLong()).isEqualTo(2);
        JsonNode event = payload(duplicate, 2);
        assertThat(eventTypes(duplicate)).endsWith("TicketCancelled");
        assertThat(event.get("reason").asText()).isEqualTo("DUPLICATE");
        assertThat(event.get("duplicateOf").asText()).isEqualTo(original.ticketId().toString());
        assertThat(event.get("duplicateOfNumber").asText()).isEqualTo(original.json().get("number").asText());
        assertThat(event.get("fromStatus").asText()).isEqualTo("ASSIGNED");
        assertThat(event.get("engineer").asText()).isEqualTo("ana");
        assertThat(eventCount(original.ticketId())).as("the original is not touched").isEqualTo(1);
    }

    @Test
    void aCancelledTicketCannotBeReopenedAndSaysToOpenANewOneInBothLanguages() {
        UUID ticket = openTicket("acme-1", "acme");
        assertThat(post("acme-1", "/api/tickets/" + ticket + "/cancellation",
                "{\"reason\":\"WITHDRAWN\",\"note\":\"it works again\"}").status()).isEqualTo(200);

        Answer english = post("acme-1", "/api/tickets/" + ticket + "/reopening", "{\"reason\":\"it came back\"}",
                "Accept-Language", "en");
        Answer spanish = post("acme-1", "/api/tickets/" + ticket + "/reopening", "{\"reason\":\"volvió\"}",
                "Accept-Language", "es-AR");
        Answer note = post("operator", "/api/tickets/" + ticket + "/notes", "{\"text\":\"hello?\"}");

        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("detail").asText()).endsWith("is CANCELLED and cannot be reopened; nothing more "
                + "is allowed, it was cancelled; open a new ticket if the problem remains");
        assertThat(spanish.status()).isEqualTo(409);
        assertThat(spanish.json().get("detail").asText()).endsWith("está CANCELADO y no se puede reabrir; ya no se "
                + "permite nada, fue cancelado; abra un ticket nuevo si el problema continúa");
        assertThat(note.status()).isEqualTo(409);
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketCancelled");
    }
}
