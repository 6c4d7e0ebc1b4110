package com.ticketledger.store;

import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event table as PostgreSQL enforces it, whoever writes: the hash chain is set by the database on every
 * insert (and agrees with the Java verifier), and no UPDATE, DELETE or TRUNCATE gets through.
 */
class EventTableIT {

    static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(EmbeddedDatabase.forTests().jdbcUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/store").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    static void append(String stream, long sequence, String payload) {
        append(jdbc, stream, sequence, payload);
    }

    static void appendWith(JdbcClient client, String stream, long sequence) {
        append(client, stream, sequence, "{}");
    }

    static void append(JdbcClient client, String stream, long sequence, String payload) {
        client.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:id, :stream, :sequence, 'Ticket', '2026-11-25T10:00:00.000Z',
                            'com.ticketledger.events.NoteAdded', NULL, :payload, :metaData)""")
                .param("id", UUID.randomUUID().toString())
                .param("stream", stream)
                .param("sequence", sequence)
                .param("payload", payload.getBytes(StandardCharsets.UTF_8))
                .param("metaData", "{\"user\":\"ana\"}".getBytes(StandardCharsets.UTF_8))
                .update();
    }

    static List<StoredEvent> stream(String stream) {
        return new StoredEvents(jdbc).ofStream(stream);
    }

    @Test
    void eachEventIsChainedToItsPredecessorAndTheJavaVerifierAgrees() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{\"text\":\"first\"}");
        append(ticket, 1, "{\"text\":\"second\"}");
        append(ticket, 2, "{\"text\":\"third\"}");

        List<StoredEvent> events = stream(ticket);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).previousHash()).isNull();
        byte[] previous = null;
        for (StoredEvent event : events) {
            assertThat(event.previousHash()).isEqualTo(previous);
            assertThat(event.hash()).hasSize(32).isEqualTo(HashChain.link(previous, event));
            previous = event.hash();
        }
    }

    /**
     * The link's functions are inlined by the planner into the expression that calls them: not inlined, each of an
     * event's text fields ran a SQL function whose body PostgreSQL plans again in every transaction, and the trigger
     * cost five times as much per append.
     */
    @Test
    void theChainLinkIsComputedInOneExpressionWithoutCallingItsFunctions() {
        String plan = String.join("\n", jdbc.sql("""
                        EXPLAIN (VERBOSE, COSTS OFF)
                        SELECT ledger_event_hash(NULL, e) FROM domain_event_entry e""")
                .query(String.class).list());

        assertThat(plan).contains("sha256(").doesNotContain("ledger_hash_field(").doesNotContain("ledger_event_hash(");
    }

    @Test
    void verificationOfAnUntouchedStreamHolds() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{\"text\":\"first\"}");
        append(ticket, 1, "{\"text\":\"second\"}");
        HashChain.Verification verification = HashChain.verify(new StoredEvents(jdbc).ofStream(ticket));
        assertThat(verification.valid()).isTrue();
        assertThat(verification.events()).isEqualTo(2);
        assertThat(verification.headHash()).isEqualTo(stream(ticket).get(1).hash());
        assertThat(verification.firstBrokenSequence()).isNull();
    }

    @Test
    void verificationPointsAtAnEventChangedBehindTheTriggersBack() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{\"text\":\"first\"}");
        append(ticket, 1, "{\"text\":\"second\"}");
        append(ticket, 2, "{\"text\":\"third\"}");
        // A superuser can switch the trigger off; the chain still tells.
        jdbc.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
        try {
            jdbc.sql("UPDATE domain_event_entry SET payload = :p WHERE aggregate_identifier = :t AND sequence_number = 1")
                    .param("p", "{\"text\":\"forged\"}".getBytes(StandardCharsets.UTF_8)).param("t", ticket).update();
        } finally {
            jdbc.sql("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        }
        HashChain.Verification verification = HashChain.verify(new StoredEvents(jdbc).ofStream(ticket));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(1L);
    }

    @Test
    void sameContentInAnotherPlaceOfTheChainHashesDifferently() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{\"text\":\"same\"}");
        append(ticket, 1, "{\"text\":\"same\"}");
        List<StoredEvent> events = stream(ticket);
        assertThat(events.get(0).hash()).isNotEqualTo(events.get(1).hash());
    }

    @Test
    void eventWithoutItsPredecessorIsRefused() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{}");
        assertThatThrownBy(() -> append(ticket, 2, "{}"))
                .rootCause().hasMessageContaining("event 2 of stream " + ticket + " has no predecessor");
        assertThat(stream(ticket)).hasSize(1);
    }

    @Test
    void secondEventAtTheSameSequenceIsADuplicateKey() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{}");
        assertThatThrownBy(() -> append(ticket, 0, "{}"))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void updateIsRefused() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{\"text\":\"original\"}");
        assertThatThrownBy(() -> jdbc.sql("UPDATE domain_event_entry SET payload = :p WHERE aggregate_identifier = :t")
                .param("p", "{\"text\":\"forged\"}".getBytes(StandardCharsets.UTF_8)).param("t", ticket).update())
                .rootCause().hasMessageContaining("the ledger is append-only: UPDATE on domain_event_entry is refused");
        assertThat(new String(stream(ticket).get(0).payload(), StandardCharsets.UTF_8)).contains("original");
    }

    @Test
    void deleteIsRefused() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{}");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", ticket).update())
                .rootCause().hasMessageContaining("the ledger is append-only: DELETE on domain_event_entry is refused");
        assertThat(stream(ticket)).hasSize(1);
    }

    @Test
    void truncateIsRefused() {
        String ticket = UUID.randomUUID().toString();
        append(ticket, 0, "{}");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE domain_event_entry").update())
                .rootCause().hasMessageContaining("the ledger is append-only: TRUNCATE on domain_event_entry is refused");
        assertThat(stream(ticket)).hasSize(1);
    }

    @Test
    void binaryColumnsAreByteaNeverLargeObjects() {
        List<String> types = jdbc.sql("""
                        SELECT DISTINCT data_type FROM information_schema.columns
                        WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry')
                          AND column_name IN ('payload', 'meta_data', 'hash', 'previous_hash')""")
                .query(String.class).list();
        assertThat(types).containsExactly("bytea");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE data_type = 'oid' "
                + "AND table_schema = 'public'").query(Long.class).single()).isZero();
    }
}
