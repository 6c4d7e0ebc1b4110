package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA policies as data against the real ledger: defined and changed through the API, version 1 of {@code standard}
 * written from the configuration at start, contracts naming only policies the ledger has, and each opening stamped
 * with the version in force.
 */
class SlaPolicyIT extends CommandSideIT {

    @Autowired
    StandardPolicySeed seed;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode payload(String stream, long sequence) {
        String json = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :stream AND sequence_number = :sequence""")
                .param("stream", stream).param("sequence", sequence).query(String.class).single();
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void operatorDefinesAPolicyAndEachChangeIsItsNextVersion() {
        String name = unique("gold");
        Answer defined = post("operator", "/api/sla-policies", policyDefinition(name));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(defined.header("Location")).contains("/api/sla-policies/" + name);
        assertThat(defined.header("ETag")).contains("\"1\"");
        assertThat(defined.json().get("name").asText()).isEqualTo(name);
        assertThat(defined.json().get("version").asInt()).isEqualTo(1);
        assertThat(defined.json().get("position").asLong()).isPositive();

        Answer changed = put("operator", "/api/sla-policies/" + name,
                "{\"terms\":" + policyTerms("3d") + ",\"reason\":\"clients wait less\"}", "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(changed.header("ETag")).contains("\"2\"");

        JsonNode second = payload("sla-policy:" + name, 1);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("reason").asText()).isEqualTo("clients wait less");
        assertThat(second.get("terms").get("autoAcceptAfter").asText()).isEqualTo("3d");
        assertThat(payload("sla-policy:" + name, 0).get("terms").get("autoAcceptAfter").asText()).isEqualTo("5d");
    }

    @Test
    void aNameDefinedAlreadyIsAConflictAndAnUnknownOneIsNotFound() {
        String name = unique("twice");
        assertThat(post("operator", "/api/sla-policies", policyDefinition(name)).status()).isEqualTo(201);

        Answer again = post("operator", "/api/sla-policies", policyDefinition(name));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith(":policy-exists");
        assertThat(policyEventCount(name)).isEqualTo(1);

        String nobody = unique("nobody");
        Answer unknown = put("operator", "/api/sla-policies/" + nobody, "{\"terms\":" + policyTerms("5d") + "}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).endsWith(":policy-not-found");
        assertThat(policyEventCount(nobody)).isZero();

        Answer stale = put("operator", "/api/sla-policies/" + name, "{\"terms\":" + policyTerms("5d") + "}",
                "If-Match", "\"7\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(policyEventCount(name)).isEqualTo(1);
    }

    /** Two definitions of one name at the same moment: one is written, the other is told it exists; never a 500. */
    @Test
    void definitionsRacingForOneNameWriteOneVersion() {
        for (int round = 0; round < 5; round++) {
            String name = unique("race");
            List<CompletableFuture<Answer>> racing = List.of(
                    CompletableFuture.supplyAsync(() -> post("operator", "/api/sla-policies", policyDefinition(name))),
                    CompletableFuture.supplyAsync(() -> post("operator", "/api/sla-policies", policyDefinition(name))));
            List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(Answer::status).sorted().toList();
            assertThat(statuses).as(name).containsExactly(201, 409);
            assertThat(policyEventCount(name)).isEqualTo(1);
        }
    }

    @Test
    void termsThatDoNotAddUpAreAProblemNamingEveryFieldAndWriteNothing() {
        String name = unique("broken");
        assertThat(post("operator", "/api/sla-policies", policyDefinition(name)).status()).isEqualTo(201);
        String terms = policyTerms("5d")
                .replace("\"HIGH\":{\"response\":\"2h\"", "\"HIGH\":{\"response\":\"0h\"")
                .replace("\"calendar\":\"always\"", "\"calendar\":\"nights\"")
                .replace("\"officeCalendar\":\"business-hours\"", "\"officeCalendar\":\"office\"");
        Answer refused = put("operator", "/api/sla-policies/" + name, "{\"terms\":" + terms + "}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("terms.priorities.HIGH.response",
                "terms.priorities.CRITICAL.calendar", "terms.officeCalendar");
        assertThat(policyEventCount(name)).isEqualTo(1);
    }

    @Test
    void aDefinitionRepeatedWithItsIdempotencyKeyIsAnsweredAsTheFirst() {
        String name = unique("keyed");
        Answer first = post("operator", "/api/sla-policies", policyDefinition(name), "Idempotency-Key", name);
        Answer repeated = post("operator", "/api/sla-policies", policyDefinition(name), "Idempotency-Key", name);
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
        assertThat(repeated.json()).isEqualTo(first.json());
        assertThat(policyEventCount(name)).isEqualTo(1);
    }

    /**
     * Version 1 of standard is the configuration's, written once: a start that finds it writes nothing. The demo's
     * premium policy is there too, and globex's contract names it while acme's names standard.
     */
    @Test
    void standardIsWrittenFromTheConfigurationOnceAndTheDemoNamesPremiumForGlobex() {
        assertThat(policyEventCount("standard")).isGreaterThanOrEqualTo(1);
        JsonNode first = payload("sla-policy:standard", 0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("terms").get("autoAcceptAfter").asText()).isEqualTo("5d");
        assertThat(first.get("terms").get("priorities").get("CRITICAL").get("response").asText()).isEqualTo("2h");
        assertThat(first.get("terms").get("calendars").get("business-hours").get("holidays").size()).isPositive();

        long standardBefore = policyEventCount("standard");
        long premiumBefore = policyEventCount("premium");
        seed.seed();
        assertThat(policyEventCount("standard")).as("a restart writes nothing").isEqualTo(standardBefore);
        assertThat(premiumBefore).isEqualTo(1);
        assertThat(payload("sla-policy:premium", 0).get("terms").get("priorities").get("CRITICAL").get("response")
                .asText()).isEqualTo("1h");
        assertThat(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'slaPolicy' FROM domain_event_entry
                        WHERE aggregate_identifier = 'client:globex' AND payload_type LIKE '%ContractSet'""")
                .query(String.class).list()).contains("premium");
    }

    @Test
    void aContractNamingAPolicyTheLedgerDoesNotHaveIsRefusedAndWritesNothing() {
        String client = unique("nopolicy");
        registerClient(client, null, null);
        long before = clientEventCount(client);
        Answer refused = put("operator", "/api/clients/" + client + "/contract",
                "{\"from\":\"2026-01-01\",\"to\":\"2099-12-31\",\"slaPolicy\":\"platinum\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("slaPolicy");
        assertThat(refused.body()).contains("platinum");
        assertThat(clientEventCount(client)).isEqualTo(before);

        String defined = unique("silver");
        post("operator", "/api/sla-policies", policyDefinition(defined));
        Answer accepted = put("operator", "/api/clients/" + client + "/contract",
                "{\"from\":\"2026-01-01\",\"to\":\"2099-12-31\",\"slaPolicy\":\"" + defined + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    /**
     * Each opening is stamped with the version of its contract's policy in force at that moment; a change of the
     * policy touches only the tickets opened after it.
     */
    @Test
    void anOpeningIsStampedWithTheVersionInForceAndKeepsIt() {
        String policy = unique("stamped");
        String client = unique("stamper");
        assertThat(post("operator", "/api/sla-policies", policyDefinition(policy)).status()).isEqualTo(201);
        registerClient(client, null, null);
        assertThat(put("operator", "/api/clients/" + client + "/contract",
                "{\"from\":\"2026-01-01\",\"to\":\"2099-12-31\",\"slaPolicy\":\"" + policy + "\"}").status())
                .isEqualTo(200);

        UUID underOne = openTicket("operator", client);
        assertThat(put("operator", "/api/sla-policies/" + policy, "{\"terms\":" + policyTerms("2d") + "}").status())
                .isEqualTo(200);
        UUID underTwo = openTicket("operator", client);
        UUID acmes = openTicket("operator", "acme");

        assertThat(payload(underOne.toString(), 0).get("slaPolicy").asText()).isEqualTo(policy);
        assertThat(payload(underOne.toString(), 0).get("slaPolicyVersion").asInt()).isEqualTo(1);
        assertThat(payload(underTwo.toString(), 0).get("slaPolicy").asText()).isEqualTo(policy);
        assertThat(payload(underTwo.toString(), 0).get("slaPolicyVersion").asInt()).isEqualTo(2);
        assertThat(payload(acmes.toString(), 0).get("slaPolicy").asText()).isEqualTo("standard");
        assertThat(payload(acmes.toString(), 0).get("slaPolicyVersion").asInt())
                .isEqualTo((int) policyEventCount("standard"));
    }
}
