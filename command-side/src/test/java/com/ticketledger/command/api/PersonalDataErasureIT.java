package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.store.HashChain;
import com.ticketledger.store.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter's personal data is stored encrypted under their key; the privacy officer's erasure deletes the
 * key and records PersonalDataErased, and the ledger, never edited, still verifies.
 */
class PersonalDataErasureIT extends CommandSideIT {

    @Autowired
    StoredEvents storedEvents;

    static String email() {
        return "lucia." + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    }

    UUID openFor(String name, String email) {
        Answer opened = post("operator", "/api/tickets", """
                {"clientId":"acme","type":"INCIDENT","priority":"HIGH","title":"Printer jammed",
                 "description":"The printer on floor 3 is jammed","reporter":{"name":"%s","email":"%s","phone":"+54 11 5555-0199"}}"""
                .formatted(name, email));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.ticketId();
    }

    Answer erase(String user, String body) {
        return post(user, "/api/privacy/subjects/erasure", body);
    }

    String raw(UUID ticket) {
        return new String(jdbc.sql("SELECT string_agg(encode(payload, 'escape'), ' ') FROM domain_event_entry "
                + "WHERE aggregate_identifier = :t").param("t", ticket.toString()).query(String.class).single()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void theReportersPersonalDataIsStoredEncryptedUnderTheirKey() {
        String email = email();
        UUID ticket = openFor("Lucía Pérez", email);

        JsonNode reporter = payload(ticket, 0).get("reporter");
        assertThat(raw(ticket)).doesNotContain("Lucía", "Pérez", email, "5555");
        assertThat(reporter.get("email").get("ciphertext").asText()).isNotBlank();
        String ref = reporter.get("email").get("subject").asText();
        assertThat(reporter.get("name").get("subject").asText()).isEqualTo(ref);
        assertThat(jdbc.sql("SELECT count(*) FROM subject_key WHERE subject_ref = :r").param("r", ref)
                .query(Long.class).single()).isEqualTo(1);
        // The ticket's unclassified text stays as it was written.
        assertThat(payload(ticket, 0).get("title").asText()).isEqualTo("Printer jammed");
    }

    @Test
    void erasureDeletesTheKeyRecordsTheErasureAndTheChainStillVerifies() {
        String email = email();
        UUID ticket = openFor("Lucía Pérez", email);
        String ref = payload(ticket, 0).get("reporter").get("email").get("subject").asText();

        Answer erased = erase("dpo", "{\"email\":\"" + email.toUpperCase() + "\",\"reason\":\"her request\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("subjectRef").asText()).isEqualTo(ref);
        assertThat(erased.json().get("keyDeleted").asBoolean()).isTrue();
        assertThat(erased.header("X-Ledger-Position")).hasValue(erased.json().get("position").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM subject_key WHERE subject_ref = :r").param("r", ref)
                .query(Long.class).single()).isZero();
        JsonNode event = JSON.valueToTree(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = :r").param("r", ref).query(String.class).single());
        assertThat(event.asText()).contains("\"reason\":\"her request\"").doesNotContain(email);
        assertThat(HashChain.verify(storedEvents.ofStream(ticket.toString())).valid()).isTrue();
        // The ticket goes on: its aggregate loads the erased reporter, and takes new commands.
        Answer note = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"roller replaced\"}");
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        Answer personal = post("operator", "/api/tickets/" + ticket + "/notes",
                "{\"text\":\"her flat is 3B\",\"personalData\":true}");
        assertThat(personal.status()).as(personal.body()).isEqualTo(409);
    }

    @Test
    void aSecondErasureOfTheSameSubjectIsRecordedAndErasesNothingMore() {
        String email = email();
        openFor("Lucía", email);
        String body = "{\"email\":\"" + email + "\",\"reason\":\"her request\"}";
        assertThat(erase("dpo", body).json().get("keyDeleted").asBoolean()).isTrue();

        Answer again = erase("dpo", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("keyDeleted").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :r")
                .param("r", again.json().get("subjectRef").asText()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSubjectIsErasedByPhoneWhenTheReporterGaveNoEmail() {
        Answer opened = post("operator", "/api/tickets", """
                {"clientId":"acme","type":"REQUEST","priority":"LOW","title":"New badge","description":"Lost it",
                 "reporter":{"name":"Tomás","phone":"+54 (11) 5555-0777"}}""");
        UUID ticket = opened.ticketId();

        Answer erased = erase("dpo", "{\"phone\":\"+54 11 5555 0777\",\"reason\":\"his request\"}");

        assertThat(erased.json().get("subjectRef").asText())
                .isEqualTo(payload(ticket, 0).get("reporter").get("phone").get("subject").asText());
        assertThat(erased.json().get("keyDeleted").asBoolean()).isTrue();
    }

    @Test
    void anOperatorsPersonalNoteIsEncryptedUnderTheReportersKey() {
        String email = email();
        UUID ticket = openFor("Lucía", email);
        String ref = payload(ticket, 0).get("reporter").get("email").get("subject").asText();

        Answer note = post("operator", "/api/tickets/" + ticket + "/notes",
                "{\"text\":\"she lives at Calle Falsa 123\",\"visibility\":\"INTERNAL\",\"personalData\":true}");

        assertThat(note.status()).as(note.body()).isEqualTo(200);
        assertThat(payload(ticket, 1).get("text").get("subject").asText()).isEqualTo(ref);
        assertThat(raw(ticket)).doesNotContain("Calle Falsa", email);
        Answer byEngineer = post("ana", "/api/tickets/" + ticket + "/notes",
                "{\"text\":\"her mobile\",\"personalData\":true}");
        assertThat(byEngineer.status()).isEqualTo(403);
        assertThat(eventCount(ticket)).isEqualTo(2);
    }

    @Test
    void onlyThePrivacyOfficerErases() {
        String body = "{\"email\":\"" + email() + "\",\"reason\":\"her request\"}";
        long before = eventCount();
        for (String user : new String[] {"operator", "ana", "acme-1", "auditor", "analyst"}) {
            assertThat(erase(user, body).status()).as(user).isEqualTo(403);
        }
        assertThat(erase(null, body).status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void hostileErasureRequestsAreRefusedAndWriteNothing() {
        long before = eventCount();
        String[] bodies = {
                "{\"email\":\"a@acme.example\",\"phone\":\"+54 11 5555 0101\",\"reason\":\"both\"}",
                "{\"reason\":\"neither\"}",
                "{\"email\":\"not an address\",\"reason\":\"malformed\"}",
                "{\"email\":\"a@acme.example\",\"reason\":\"x\",\"subjectRef\":\"abc\"}",
                "{\"email\":\"a@acme.example\"}",
                "{\"email\":\"a@acme.example\",\"reason\":\"   \"}",
                "{\"phone\":\"call me\",\"reason\":\"x\"}",
                "{\"phone\":\"+\",\"reason\":\"x\"}",
                "{\"email\":\"a@acme.example\",\"reason\":\"nul \\u0000\"}",
                "[]",
                "not json"};
        for (String body : bodies) {
            Answer refused = erase("dpo", body);
            assertThat(refused.status()).as(body + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(before);
    }
}
