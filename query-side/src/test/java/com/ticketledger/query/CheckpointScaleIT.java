package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.query.checkpoint.Checkpointer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A measurement, not a check run with the others: with {@code -Dledger.scale.events=1000000} it adds that many
 * events (hashed by the chain trigger, ~600 bytes of payload and metadata each, 8 a ticket) and times the
 * checkpoints' catching up, the whole-ledger verification and a proof. Skipped without the property. The
 * projections are stopped first: the events are of a type no projection knows, and two cores are few.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CheckpointScaleIT extends QuerySideIT {

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void verifiesAMillionEventsInSeconds() {
        long events = Long.getLong("ledger.scale.events", 0);
        assumeTrue(events > 0, "a measurement: run with -Dledger.scale.events=<n>");
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        checkpointer.checkpoint();

        long started = System.nanoTime();
        for (long from = 0; from < events; from += 100_000) {
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            SELECT gen_random_uuid()::text, lpad(to_hex(i / 8), 32, '0')::uuid::text, i % 8, 'Ticket',
                                   to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                   'com.ticketledger.measure.ScaleEvent', NULL,
                                   convert_to('{"ticketId":"' || i || '","text":"' || repeat('x', 380) || '"}', 'UTF8'),
                                   convert_to('{"user":"ana","role":"ENGINEER","correlationId":"' || gen_random_uuid()
                                              || '","traceId":"' || repeat('t', 100) || '"}', 'UTF8')
                            FROM generate_series(:from, :to) AS i ORDER BY i""")
                    .param("from", from).param("to", Math.min(events, from + 100_000) - 1).update();
        }
        report("generated " + events + " events", started);

        started = System.nanoTime();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        awaitUntil("the checkpoints hold every event", Duration.ofMinutes(30), () -> {
            checkpointer.checkpoint();
            return jdbc.sql("SELECT count(*) FROM ledger_tree_leaf WHERE global_index = :head").param("head", head)
                    .query(Long.class).single() == 1;
        });
        report("checkpoints caught up with " + events + " events", started);

        long total = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        for (int run = 1; run <= 3; run++) {
            started = System.nanoTime();
            JsonNode verification = get("auditor", "/api/audit/ledger/verify").json();
            report("verify " + total + " events (run " + run + ")", started);
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        }

        for (long ticket : new long[] {0, events / 16, events / 8 - 1}) {
            String id = java.util.UUID.fromString(String.format("%032x", ticket)
                    .replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")).toString();
            for (int run = 1; run <= 2; run++) {
                started = System.nanoTime();
                Answer proof = get("auditor", "/api/audit/tickets/" + id + "/events/3/proof");
                report("inclusion proof of ticket " + ticket + "'s event 3 (run " + run + ")", started);
                assertThat(proof.status()).as(proof.response().body()).isEqualTo(200);
            }
        }
        started = System.nanoTime();
        Answer consistency = get("auditor", "/api/audit/ledger/consistency?from="
                + jdbc.sql("SELECT min(tree_size) FROM ledger_checkpoint").query(Long.class).single());
        report("consistency proof, first to latest checkpoint", started);
        assertThat(consistency.status()).isEqualTo(200);
    }

    private static void report(String what, long started) {
        System.out.printf("MEASURED %s: %.2f s%n", what, (System.nanoTime() - started) / 1e9);
    }
}
