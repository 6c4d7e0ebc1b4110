package com.ticketledger.store.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.embeddeddb.EmbeddedDatabase;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.events.Reporter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event serializer's personal data module over the real key table: marked values are stored encrypted under
 * their subject's key and read back in the clear, and read as erased once the key is deleted.
 */
class PersonalDataIT {

    static JdbcClient jdbc;
    static DataSourceTransactionManager transactions;
    static MasterKey master = new MasterKey(random());

    @BeforeAll
    static void migrate() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(EmbeddedDatabase.forTests().jdbcUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/store").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A fresh side: its own caches, the same database and master key. */
    static PersonalDataCipher cipher(MasterKey current, MasterKey previous) {
        SubjectKeys keys = new SubjectKeys(jdbc, transactions, current, previous, Duration.ofMillis(1));
        return new PersonalDataCipher(keys, new SubjectRefs(() -> keys.secret(SubjectRefs.SECRET)),
                new ErasedSubjects(jdbc, Duration.ofMillis(1)));
    }

    static ObjectMapper mapper(PersonalDataCipher cipher, boolean encrypt) {
        return new ObjectMapper().registerModule(new PersonalDataModule(cipher, encrypt));
    }

    static String unique(String local) {
        return local + "-" + UUID.randomUUID() + "@acme.example";
    }

    static void erase(PersonalDataCipher cipher, String subject) {
        String ref = cipher.subjectRef(subject);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            new SubjectKeys(jdbc, transactions, master, null, Duration.ofMillis(1)).erase(ref);
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload)
                            VALUES (:id, :ref, 0, 'DataSubject', '2026-12-04T10:00:00Z', :type, '\\x7b7d')""")
                    .param("id", UUID.randomUUID().toString()).param("ref", ref)
                    .param("type", PersonalDataErased.class.getName()).update();
        });
    }

    @Test
    void storesEveryMarkedValueEncryptedUnderItsSubjectAndReadsItBack() throws Exception {
        PersonalDataCipher cipher = cipher(master, null);
        String email = unique("Lucia.Perez");
        Reporter reporter = new Reporter("Lucía Pérez", email, "+54 11 5555-0101");

        String stored = mapper(cipher, true).writeValueAsString(reporter);

        assertThat(stored).doesNotContain("Lucía", "Lucia", "Perez", "5555", "acme.example");
        JsonNode json = new ObjectMapper().readTree(stored);
        String ref = cipher.subjectRef(email.toLowerCase());
        for (String field : new String[] {"name", "email", "phone"}) {
            assertThat(json.get(field).get("subject").asText()).isEqualTo(ref);
            // nonce (12) + at least one byte + tag (16)
            assertThat(Base64.getDecoder().decode(json.get(field).get("ciphertext").asText())).hasSizeGreaterThan(28);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM subject_key WHERE subject_ref = :ref").param("ref", ref)
                .query(Long.class).single()).isEqualTo(1);
        // Another side, with its own caches, reads it in the clear.
        assertThat(mapper(cipher(master, null), true).readValue(stored, Reporter.class)).isEqualTo(reporter);
    }

    @Test
    void theSameValueIsNeverStoredTwiceAlike() throws Exception {
        PersonalDataCipher cipher = cipher(master, null);
        Reporter reporter = new Reporter("Ana", unique("ana"), null);
        ObjectMapper mapper = mapper(cipher, true);

        assertThat(mapper.writeValueAsString(reporter)).isNotEqualTo(mapper.writeValueAsString(reporter));
    }

    @Test
    void aValueMovedToAnotherFieldDoesNotDecrypt() throws Exception {
        PersonalDataCipher cipher = cipher(master, null);
        JsonNode json = new ObjectMapper().readTree(mapper(cipher, true).writeValueAsString(
                new Reporter("Ana", unique("ana"), null)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).set("name", json.get("email"));

        assertThat(mapper(cipher, true).treeToValue(json, Reporter.class).name()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void readsErasedOnceTheSubjectsKeyIsDeleted() throws Exception {
        PersonalDataCipher cipher = cipher(master, null);
        String email = unique("bruno");
        String stored = mapper(cipher, true).writeValueAsString(new Reporter("Bruno Díaz", email, null));

        erase(cipher, email);

        assertThat(mapper(cipher(master, null), true).readValue(stored, Reporter.class))
                .isEqualTo(new Reporter(PersonalData.ERASED, PersonalData.ERASED, null));
        // Later data of the same person is theirs again, under a new key; the old stays erased.
        String later = mapper(cipher, true).writeValueAsString(new Reporter("Bruno Díaz", email, null));
        PersonalDataCipher reader = cipher(master, null);
        assertThat(mapper(reader, true).readValue(later, Reporter.class).name()).isEqualTo("Bruno Díaz");
        assertThat(mapper(reader, true).readValue(stored, Reporter.class).name()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void valuesStoredInTheClearStillLoadAndReadErasedOnceTheirSubjectIs() throws Exception {
        String email = unique("carla");
        String older = "{\"name\":\"Carla Gómez\",\"email\":\"" + email + "\",\"phone\":null}";
        PersonalDataCipher cipher = cipher(master, null);

        assertThat(mapper(cipher, true).readValue(older, Reporter.class).name()).isEqualTo("Carla Gómez");
        erase(cipher, email);
        assertThat(mapper(cipher(master, null), true).readValue(older, Reporter.class))
                .isEqualTo(new Reporter(PersonalData.ERASED, PersonalData.ERASED, null));
    }

    @Test
    void withEncryptionOffValuesAreStoredInTheClear() throws Exception {
        String email = unique("dario");
        assertThat(mapper(cipher(master, null), false).writeValueAsString(new Reporter("Darío", email, null)))
                .contains("Darío", email);
    }

    @Test
    void onlyTheErasureOfThatVerySubjectDeletesItsKey() throws Exception {
        PersonalDataCipher cipher = cipher(master, null);
        String ref = cipher.subjectRef(unique("eva").toLowerCase());
        cipher(master, null);
        new SubjectKeys(jdbc, transactions, master, null, Duration.ofMillis(1)).findOrCreate(ref);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM subject_key WHERE subject_ref = :ref").param("ref", ref)
                .update()).rootCause().hasMessageContaining("kept until an erasure");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('ledger.erasure', 'someone-else', true)").query().singleValue();
            jdbc.sql("DELETE FROM subject_key WHERE subject_ref = :ref").param("ref", ref).update();
        })).rootCause().hasMessageContaining("kept until an erasure");
        assertThatThrownBy(() -> jdbc.sql("UPDATE subject_key SET wrapped_key = '\\x00' WHERE subject_ref = :ref")
                .param("ref", ref).update()).rootCause().hasMessageContaining("kept until an erasure");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE subject_key").update()).rootCause().hasMessageContaining("refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_secret").update()).rootCause().hasMessageContaining("kept");
    }

    @Test
    void aRotationReWrapsTheKeysUnderTheNewMasterKeyAndTheDataStaysReadable() throws Exception {
        MasterKey old = new MasterKey(random());
        MasterKey fresh = new MasterKey(random());
        // The secret of the references is the database's: this test rotates its own copy of the world's keys.
        String email = unique("fede");
        PersonalDataCipher before = cipher(master, null);
        String stored = mapper(before, true).writeValueAsString(new Reporter("Federico", email, null));
        String ref = before.subjectRef(email);
        // The key written under master is re-wrapped as if master were the old key being rotated away.
        int rewrapped = new TransactionTemplate(transactions).execute(status ->
                new SubjectKeys(jdbc, transactions, fresh, master, Duration.ofMillis(1)).rewrap(master));

        assertThat(rewrapped).isGreaterThanOrEqualTo(2); // this key at least, and the references' secret
        assertThat(jdbc.sql("SELECT master_key_id FROM subject_key WHERE subject_ref = :ref").param("ref", ref)
                .query(String.class).single()).isEqualTo(fresh.id());
        assertThat(mapper(cipher(fresh, null), true).readValue(stored, Reporter.class).name()).isEqualTo("Federico");
        assertThat(old.id()).isNotEqualTo(fresh.id());
        // Rotate back, so that the other tests' master key still opens everything.
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                new SubjectKeys(jdbc, transactions, master, fresh, Duration.ofMillis(1)).rewrap(fresh));
    }

    @Test
    void aStoredValueIsNotReadableWithoutTheMasterKey() {
        String email = unique("gabi");
        PersonalDataCipher cipher = cipher(master, null);
        cipher.seal(email, "name", "Gabriela");
        String ref = cipher.subjectRef(email);

        assertThatThrownBy(() -> cipher(new MasterKey(random()), null).open(ref, "name", "AAAA"))
                .hasMessageContaining("not wrapped under master key");
        assertThat(jdbc.sql("SELECT wrapped_key FROM subject_key WHERE subject_ref = :ref").param("ref", ref)
                .query((rs, n) -> rs.getBytes(1)).single()).hasSize(12 + 32 + 16);
        assertThat(new String(jdbc.sql("SELECT wrapped_key FROM subject_key WHERE subject_ref = :ref")
                .param("ref", ref).query((rs, n) -> rs.getBytes(1)).single(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Gabriela");
    }
}
