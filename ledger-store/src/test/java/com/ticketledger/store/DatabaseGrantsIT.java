package com.ticketledger.store;

import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grants of docker/postgres/ledger-roles.sql, applied to a database of their own: the command side's role
 * owns the event store; the query side's role reads it, creates its own tables, and cannot write the ledger.
 * Both write the web pages' sessions (ledger-web's db/session, migrated by the command side's role). The command
 * side's own tables (db/command) are migrated too.
 */
class DatabaseGrantsIT {

    static JdbcClient command;
    static JdbcClient query;

    static JdbcClient connect(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return JdbcClient.create(dataSource);
    }

    @BeforeAll
    static void rolesAndStore() throws IOException {
        String database = "grants_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = EmbeddedDatabase.forTests().createDatabase(database).replaceAll("\\?.*$", "");
        String roles = Files.readString(Path.of("../docker/postgres/ledger-roles.sql"))
                .replace(":'command_password'", "'command-secret'")
                .replace(":'query_password'", "'query-secret'");
        JdbcClient admin = connect(url, EmbeddedDatabase.USER, "");
        admin.sql("DROP ROLE IF EXISTS ledger_query").update();
        admin.sql("DROP ROLE IF EXISTS ledger_command").update();
        for (String statement : roles.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                admin.sql(statement).update();
            }
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(url);
        owner.setUser("ledger_command");
        owner.setPassword("command-secret");
        Flyway.configure().dataSource(owner)
                .locations("classpath:db/store", "filesystem:../ledger-web/src/main/resources/db/session",
                        "filesystem:../command-side/src/main/resources/db/command")
                .load().migrate();
        command = connect(url, "ledger_command", "command-secret");
        query = connect(url, "ledger_query", "query-secret");
        EventTableIT.appendWith(command, "grants-ticket", 0);
    }

    @Test
    void querySideReadsTheLedger() {
        assertThat(query.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void querySideCannotWriteTheLedger() {
        assertThatThrownBy(() -> EventTableIT.appendWith(query, "forged-ticket", 0))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> query.sql("UPDATE domain_event_entry SET type = 'x'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> query.sql("DELETE FROM domain_event_entry").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> query.sql("ALTER TABLE domain_event_entry DISABLE TRIGGER ALL").update())
                .rootCause().hasMessageContaining("must be owner");
    }

    @Test
    void bothSidesWriteAndEndTheWebPagesSessions() {
        assertThat(command.sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'web_session' "
                + "AND tablename = 'spring_session'").query(String.class).single()).isEqualTo("ledger_command");
        // A log-in on the query side writes the session; the command side reads it and refreshes it.
        query.sql("INSERT INTO web_session.spring_session VALUES ('p-1', 's-1', 0, 0, 1800, 1800000, 'ana')").update();
        query.sql("INSERT INTO web_session.spring_session_attributes VALUES ('p-1', 'name', '\\x00')").update();
        command.sql("UPDATE web_session.spring_session SET last_access_time = 1 WHERE primary_id = 'p-1'").update();
        query.sql("UPDATE web_session.spring_session_attributes SET attribute_bytes = '\\x01'").update();
        assertThat(command.sql("SELECT count(*) FROM web_session.spring_session_attributes").query(Long.class).single())
                .isEqualTo(1);
        // A log-out on either side deletes it (and its attributes) for both.
        assertThat(query.sql("DELETE FROM web_session.spring_session WHERE session_id = 's-1'").update()).isEqualTo(1);
        assertThat(command.sql("SELECT count(*) FROM web_session.spring_session_attributes").query(Long.class).single())
                .isZero();
        command.sql("INSERT INTO web_session.spring_session VALUES ('p-2', 's-2', 0, 0, 1800, 1800000, 'bruno')")
                .update();
        assertThat(query.sql("SELECT principal_name FROM web_session.spring_session").query(String.class).single())
                .isEqualTo("bruno");
        assertThat(command.sql("DELETE FROM web_session.spring_session").update()).isEqualTo(1);
    }

    @Test
    void theSessionGrantsOpenNothingElse() {
        assertThatThrownBy(() -> query.sql("DROP TABLE web_session.spring_session").update())
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> query.sql("CREATE TABLE web_session.probe (id INT)").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> EventTableIT.appendWith(query, "forged-after-sessions", 0))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void querySideReadsTheAttachmentsBytesAndCannotWriteThem() {
        byte[] content = "connection refused on port 443".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = AttachmentBlobs.sha256(content);
        new AttachmentBlobs(command).keep(sha256, content);

        assertThat(new AttachmentBlobs(query).find(sha256)).hasValueSatisfying(bytes ->
                assertThat(bytes).isEqualTo(content));
        assertThatThrownBy(() -> new AttachmentBlobs(query).keep(AttachmentBlobs.sha256(new byte[] {1}), new byte[] {1}))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> query.sql("UPDATE attachment_blob SET content = '\\x00'").update())
                .rootCause().hasMessageContaining("permission denied");
        // Not even its owner changes or removes stored bytes: the table is append-only, like the ledger.
        assertThatThrownBy(() -> command.sql("UPDATE attachment_blob SET content = '\\x00', size = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> command.sql("DELETE FROM attachment_blob").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theSameBytesAreStoredOnce() {
        byte[] content = "the same screenshot, twice".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = AttachmentBlobs.sha256(content);
        new AttachmentBlobs(command).keep(sha256, content);
        new AttachmentBlobs(command).keep(sha256, content);

        assertThat(command.sql("SELECT count(*) FROM attachment_blob WHERE sha256 = :s").param("s", sha256)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The command side's deadlines (automatic acceptance) are its own: the query side cannot even read them. */
    @Test
    void onlyTheCommandSideUsesTheDeadlines() {
        command.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                VALUES ('deadline', 'grants-1', now(), false, 1)""").update();
        assertThat(command.sql("UPDATE scheduled_tasks SET picked = true, version = 2 WHERE task_instance = 'grants-1'")
                .update()).isEqualTo(1);
        assertThatThrownBy(() -> query.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> query.sql("DELETE FROM scheduled_tasks").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(command.sql("DELETE FROM scheduled_tasks WHERE task_instance = 'grants-1'").update()).isEqualTo(1);
    }

    @Test
    void querySideReadsTheSubjectKeysAndCannotWriteOrDeleteThem() {
        String ref = "a".repeat(64);
        command.sql("INSERT INTO subject_key (subject_ref, wrapped_key, master_key_id) VALUES (:ref, '\\x01', :id)")
                .param("ref", ref).param("id", "0".repeat(16)).update();

        assertThat(query.sql("SELECT count(*) FROM subject_key WHERE subject_ref = :ref").param("ref", ref)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(query.sql("SELECT count(*) FROM ledger_secret").query(Long.class).single()).isNotNegative();
        assertThatThrownBy(() -> query.sql("DELETE FROM subject_key").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> query.sql("INSERT INTO subject_key (subject_ref, wrapped_key, master_key_id) "
                + "VALUES (:ref, '\\x01', :id)").param("ref", "b".repeat(64)).param("id", "0".repeat(16)).update())
                .rootCause().hasMessageContaining("permission denied");
        // Its owner deletes a key only in an erasure naming that subject (the guard of db/store).
        assertThatThrownBy(() -> command.sql("DELETE FROM subject_key").update())
                .rootCause().hasMessageContaining("kept until an erasure");
    }

    @Test
    void querySideCreatesItsOwnTables() {
        query.sql("CREATE TABLE projection_probe (id INT PRIMARY KEY)").update();
        query.sql("INSERT INTO projection_probe VALUES (1)").update();
        assertThat(query.sql("SELECT count(*) FROM projection_probe").query(Long.class).single()).isEqualTo(1);
    }
}
