package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client register over HTTP, and what it changes for tickets (docs/domain.md, "Clients and contracts"): an
 * opening for an unknown client is a 404, for a client without a contract in force a 409 that says why, and
 * neither writes anything; acceptance and reopening are for the client's representatives.
 */
class ClientRegisterIT extends CommandSideIT {

    static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

    static String today(int plusDays) {
        return LocalDate.now(BUENOS_AIRES).plusDays(plusDays).toString();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Answer openFor(String clientId) {
        return post("operator", "/api/tickets", openBody(clientId));
    }

    /** The opening was refused with {@code status} and a detail saying {@code why}, and the ledger holds no more. */
    void assertOpeningRefused(String clientId, int status, String code, String why) {
        long before = eventCount();
        Answer refused = openFor(clientId);
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).endsWith(code);
        assertThat(refused.json().path("detail").asText()).contains(why);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void operatorRegistersAClientAndSetsItsContractAndContacts() {
        String client = unique("initech");
        Answer registered = post("operator", "/api/clients", """
                {"clientId":"%s","name":"Initech","language":"en","timeZone":"America/Argentina/Buenos_Aires"}"""
                .formatted(client));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.header("Location")).contains("/api/clients/" + client);
        assertThat(registered.header("ETag")).contains("\"0\"");
        assertThat(registered.json().path("clientId").asText()).isEqualTo(client);
        assertThat(registered.json().path("position").asLong()).isPositive();

        Answer contract = put("operator", "/api/clients/" + client + "/contract", """
                {"from":"%s","to":"%s","slaPolicy":"standard","onSiteSupport":false}""".formatted(today(-1),
                today(364)), "If-Match", "\"0\"");
        assertThat(contract.status()).as(contract.body()).isEqualTo(200);
        assertThat(contract.json().path("version").asLong()).isEqualTo(1);

        Answer contacts = put("operator", "/api/clients/" + client + "/contacts", """
                {"representatives":[],"focalPointName":"Peter","focalPointEmail":"peter@initech.example",
                 "areaManagerEmail":"manager@desk.example","escalationEmails":["bill@initech.example"]}""");
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
        assertThat(eventTypes(client)).containsExactly("ClientRegistered", "ContractSet", "ContactsSet");
        JsonNode stored = clientPayload(client, 2);
        assertThat(stored.path("focalPointEmail").path("ciphertext").asText()).as("the focal point is personal data")
                .isNotBlank().doesNotContain("peter");
        assertThat(stored.path("areaManagerEmail").asText()).isEqualTo("manager@desk.example");

        assertThat(openFor(client).status()).isEqualTo(201);
    }

    @Test
    void aClientIsRegisteredOnce() {
        String client = unique("twice");
        registerClient(client, null, null);
        Answer again = post("operator", "/api/clients", """
                {"clientId":"%s","name":"Again","language":"en","timeZone":"UTC"}""".formatted(client));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("is registered already");
        assertThat(clientEventCount(client)).isEqualTo(1);
    }

    @Test
    void aRetriedRegistrationWithItsKeyIsAnsweredAsTheFirst() {
        String client = unique("retried");
        String body = """
                {"clientId":"%s","name":"Retried","language":"en","timeZone":"UTC"}""".formatted(client);
        Answer first = post("operator", "/api/clients", body, "Idempotency-Key", "reg-" + client);
        Answer retry = post("operator", "/api/clients", body, "Idempotency-Key", "reg-" + client);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(clientEventCount(client)).isEqualTo(1);
    }

    @Test
    void aContractAtAStaleVersionIsRefused() {
        String client = unique("stale");
        registerClient(client, today(-1), today(30));
        Answer stale = put("operator", "/api/clients/" + client + "/contract", """
                {"from":"%s","to":"%s","slaPolicy":"standard"}""".formatted(today(-1), today(60)), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(clientEventCount(client)).isEqualTo(2);
    }

    @Test
    void theContractOfAnUnknownClientIsNotFound() {
        Answer missing = put("operator", "/api/clients/nobody-here/contract", """
                {"from":"2026-01-01","to":"2026-12-31","slaPolicy":"standard"}""");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asText()).endsWith("client-not-found");
        assertThat(clientEventCount("nobody-here")).isZero();
    }

    @Test
    void aTicketForAnUnknownClientIsNotFound() {
        assertOpeningRefused(unique("unknown"), 404, "client-not-found", "no client");
    }

    @Test
    void aClientWithoutAContractGetsNoTicket() {
        String client = unique("nocontract");
        registerClient(client, null, null);
        assertOpeningRefused(client, 409, "not-entitled", "has no contract");
    }

    @Test
    void anOpeningAfterTheContractMovedToAnotherPolicyIsStampedWithThatPolicysVersion() {
        String client = unique("moving");
        registerClient(client, today(-1), today(365));
        UUID before = openTicket("operator", client);
        assertThat(payload(before, 0).path("slaPolicy").asText()).isEqualTo("standard");

        Answer moved = put("operator", "/api/clients/" + client + "/contract", """
                {"from":"%s","to":"%s","slaPolicy":"premium"}""".formatted(today(-1), today(365)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        UUID after = openTicket("operator", client);

        assertThat(payload(after, 0).path("slaPolicy").asText()).isEqualTo("premium");
        assertThat(payload(after, 0).path("slaPolicyVersion").asInt())
                .isEqualTo(policyEventCount("premium"));
    }

    @Test
    void aContractStartingTomorrowDoesNotCoverToday() {
        String client = unique("tomorrow");
        registerClient(client, today(1), today(365));
        assertOpeningRefused(client, 409, "not-entitled", "starts on " + today(1));
    }

    @Test
    void aContractThatEndedCoversNoNewTicket() {
        String client = unique("ended");
        registerClient(client, today(-365), today(-1));
        assertOpeningRefused(client, 409, "not-entitled", "ended on " + today(-1));
    }

    @Test
    void aSuspendedContractSaysWhyInTheReadersLanguage() {
        String client = unique("unpaid");
        registerClient(client, today(-1), today(365));
        UUID alreadyOpen = openTicket("operator", client);
        Answer suspended = put("operator", "/api/clients/" + client + "/contract", """
                {"from":"%s","to":"%s","slaPolicy":"standard","suspended":true,"suspensionReason":"unpaid"}"""
                .formatted(today(-1), today(365)));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertOpeningRefused(client, 409, "not-entitled", "is suspended (unpaid)");

        long before = eventCount();
        Answer spanish = post("operator", "/api/tickets", openBody(client), "Accept-Language", "es-AR");
        assertThat(spanish.status()).isEqualTo(409);
        assertThat(spanish.json().path("detail").asText()).contains("está suspendido (unpaid)");
        assertThat(eventCount()).isEqualTo(before);

        // the ticket opened before the suspension goes on
        Answer note = post("operator", "/api/tickets/" + alreadyOpen + "/notes", "{\"text\":\"still on it\"}");
        assertThat(note.status()).isEqualTo(200);
    }

    @Test
    void aUserOfTheClientWhoIsNoRepresentativeAddsNotesButDoesNotAccept() {
        UUID ticket = assignedTicket();
        post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"restarted\"}");
        Answer note = post("acme-3", "/api/tickets/" + ticket + "/notes", "{\"text\":\"thanks, checking\"}");
        assertThat(note.status()).isEqualTo(200);

        long before = eventCount(ticket);
        Answer accept = post("acme-3", "/api/tickets/" + ticket + "/acceptance", null);
        assertThat(accept.status()).as(accept.body()).isEqualTo(403);
        assertThat(accept.json().path("detail").asText()).contains("acme-3 is not one of them");
        Answer reopen = post("acme-3", "/api/tickets/" + ticket + "/reopening", "{\"reason\":\"no\"}");
        assertThat(reopen.status()).isEqualTo(403);
        assertThat(eventCount(ticket)).isEqualTo(before);

        assertThat(post("acme-2", "/api/tickets/" + ticket + "/acceptance", null).status()).isEqualTo(200);
    }

    @Test
    void theRepresentativesAreUsersOfTheClient() {
        long before = clientEventCount("acme");
        Answer foreign = put("operator", "/api/clients/acme/contacts", "{\"representatives\":[\"globex-1\"]}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("representatives");
        assertThat(clientEventCount("acme")).isEqualTo(before);
    }

    JsonNode clientPayload(String clientId, long sequence) {
        byte[] raw = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :c"
                        + " AND sequence_number = :s")
                .param("c", "client:" + clientId).param("s", sequence).query(byte[].class).single();
        try {
            return JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> eventTypes(String clientId) {
        return jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :c
                        ORDER BY sequence_number""")
                .param("c", "client:" + clientId)
                .query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }
}
