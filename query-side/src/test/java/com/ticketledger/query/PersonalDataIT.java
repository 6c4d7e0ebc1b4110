package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.Channel;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.DataSubject;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ProjectionPositions;
import com.ticketledger.store.privacy.SubjectKeys;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data subject's erasure as every read sees it: the projections drop the clear text they held (also of events
 * older than the encryption), every API answer shows "[erased]", also after every projection is rebuilt, the
 * hash chains still verify, and the privacy officer's access read shows what is held, decrypted.
 */
class PersonalDataIT extends QuerySideIT {

    @Autowired
    Subjects subjects;

    @Autowired
    SubjectKeys keys;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    ProjectionPositions positions;

    record Person(String name, String email, String phone, String secret) {
        static Person fresh() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return new Person("Zoé Quintana " + tag, "zoe." + tag + "@acme.example", "+54 11 4" + tag.replaceAll(
                    "[^0-9]", "0").substring(0, 3) + "-7788", "Avenida Siempreviva " + tag);
        }

        List<String> values() {
            return List.of(name, email, phone, secret);
        }
    }

    TicketOpened opened(Person person) {
        return new TicketOpened(UUID.randomUUID(), "TCK-" + (800_000 + (int) (Math.random() * 99_999)), "acme",
                new Reporter(person.name(), person.email(), person.phone()), null, "Monitor flickers",
                "The monitor flickers every minute", 1, null, TicketType.INCIDENT, Priority.LOW, Channel.EMAIL);
    }

    /** An event as one written before personal data was encrypted: the reporter in the clear. */
    long appendInTheClear(TicketOpened event) throws Exception {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:id, :stream, 0, 'Ticket', :at, :type, NULL, :payload, :metaData)""")
                .param("id", UUID.randomUUID().toString()).param("stream", event.ticketId().toString())
                .param("at", Instant.now().toString()).param("type", TicketOpened.class.getName())
                .param("payload", objectMapper.writeValueAsBytes(event))
                .param("metaData", objectMapper.writeValueAsBytes(Map.of(MetaDataKeys.USER, "operator",
                        MetaDataKeys.ROLE, "OPERATOR", MetaDataKeys.CORRELATION_ID, "older")))
                .update();
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", event.ticketId().toString()).query(Long.class).single();
    }

    /** What the command side's erasure does: the key deleted and PersonalDataErased appended, together. */
    long erase(Person person) {
        String ref = subjects.refOfEmail(person.email());
        transactions.executeWithoutResult(status -> {
            keys.erase(ref);
            eventStore.publish(new GenericDomainEventMessage<>("DataSubject", ref, 0,
                    new PersonalDataErased(ref, "her request"), Map.of(MetaDataKeys.USER, "dpo",
                    MetaDataKeys.ROLE, "PRIVACY_OFFICER", MetaDataKeys.CORRELATION_ID, "erasure")));
        });
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :r")
                .param("r", ref).query(Long.class).single();
    }

    /** Every projection table's rows as text (the ledger itself, append-only, holds ciphertext). */
    String projectionTables() {
        List<String> tables = jdbc.sql("""
                        SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                        AND tablename NOT IN ('domain_event_entry', 'flyway_schema_history')""")
                .query(String.class).list();
        StringBuilder text = new StringBuilder();
        for (String table : tables) {
            text.append(jdbc.sql("SELECT coalesce(string_agg(t::text, ' '), '') FROM " + table + " t")
                    .query(String.class).single()).append('\n');
        }
        return text.toString();
    }

    List<String> answers(List<UUID> tickets, long position) {
        List<String> answers = new ArrayList<>();
        for (UUID ticket : tickets) {
            answers.add(getAt("operator", "/api/tickets/" + ticket, position).response().body());
            answers.add(getAt("operator", "/api/tickets/" + ticket + "/history", position).response().body());
            answers.add(get("auditor", "/api/audit/tickets/" + ticket + "/events").response().body());
            answers.add(get("auditor", "/api/audit/tickets/" + ticket + "/state?asOf=" + Instant.now()).response()
                    .body());
            answers.add(getAt("acme-1", "/api/tickets/" + ticket + "/history", position).response().body());
        }
        answers.add(getAt("operator", "/api/tickets?limit=200", position).response().body());
        answers.add(get("analyst", "/api/reports/backlog").response().body());
        return answers;
    }

    /** Every projection applies an erasure at its own pace: waits until each has passed {@code erasure}. */
    void awaitEveryProjectionApplying(long erasure) {
        for (String projection : ProcessingGroups.ALL) {
            awaitUntil(projection + " applies the erasure", Duration.ofSeconds(30),
                    () -> positions.hasProcessed(projection, erasure));
        }
    }

    static void assertNone(List<String> values, String where) {
        for (String value : values) {
            assertThat(where).as("clear text after the erasure").doesNotContain(value);
        }
    }

    @Test
    void erasureLeavesNoClearTextInAnyProjectionOrAnswerAlsoAfterEveryRebuild() throws Exception {
        Person zoe = Person.fresh();
        TicketOpened current = opened(zoe);
        TicketOpened older = opened(zoe);
        append(current, OPERATOR, Instant.now());
        long last = append(new NoteAdded(current.ticketId(), zoe.secret(), Visibility.INTERNAL,
                DataSubject.of(zoe.email(), null)), OPERATOR, Instant.now());
        last = Math.max(last, appendInTheClear(older));
        List<UUID> tickets = List.of(current.ticketId(), older.ticketId());
        String history = getAt("operator", "/api/tickets/" + current.ticketId() + "/history", last).response().body();
        assertThat(history).contains(zoe.name(), zoe.email(), zoe.secret());
        assertThat(get("auditor", "/api/audit/tickets/" + current.ticketId() + "/events").response().body())
                .doesNotContain(zoe.name(), zoe.email(), zoe.secret());

        long erasure = erase(zoe);

        List<String> after = answers(tickets, erasure);
        after.forEach(answer -> assertNone(zoe.values(), answer));
        assertThat(after.get(1)).contains("[erased]");
        // the reads above waited for the status and history projections (and had them read at once)
        awaitEveryProjectionApplying(erasure);
        assertNone(zoe.values(), projectionTables());
        for (UUID ticket : tickets) {
            assertThat(get("auditor", "/api/audit/tickets/" + ticket + "/verify").json().get("valid").asBoolean())
                    .isTrue();
        }

        for (String projection : ProcessingGroups.ALL) {
            assertThat(request("POST", "operator", "/api/admin/projections/" + projection + "/rebuild").statusCode())
                    .isEqualTo(202);
        }
        awaitUntil("the rebuilt history holds the tickets again", Duration.ofSeconds(60), () ->
                jdbc.sql("SELECT count(*) FROM ticket_history WHERE ticket_id IN (:a, :b)")
                        .param("a", current.ticketId()).param("b", older.ticketId()).query(Long.class).single() == 3);
        for (String projection : ProcessingGroups.ALL) {
            awaitUntil(projection + " rebuilt", Duration.ofSeconds(60),
                    () -> !projection(projection).get("replaying").asBoolean());
        }
        answers(tickets, erasure).forEach(answer -> assertNone(zoe.values(), answer));
        assertNone(zoe.values(), projectionTables());
    }

    @Test
    void theOutboxForgetsAnErasedReporterAndSendsHerNothingMore() {
        Person eva = Person.fresh();
        TicketOpened opened = opened(eva);
        append(opened, OPERATOR, Instant.now());
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, Instant.now());
        append(new TicketPendingClosure(opened.ticketId(), "monitor cable replaced"), ANA, Instant.now());
        awaitUntil("the reporter is asked to accept", Duration.ofSeconds(30), () -> jdbc.sql("""
                        SELECT count(*) FROM notification WHERE ticket_id = :t AND kind = 'ACCEPTANCE_REQUESTED'
                        AND recipient = :email""")
                .param("t", opened.ticketId()).param("email", eva.email()).query(Long.class).single() == 1);

        long erasure = erase(eva);

        awaitUntil("the outbox forgets her address", Duration.ofSeconds(30), () -> outboxRowsTo(eva.email()) == 0);
        awaitEveryProjectionApplying(erasure);
        assertThat(jdbc.sql("""
                        SELECT DISTINCT status || ' ' || last_error FROM notification
                        WHERE ticket_id = :t AND recipient = '[erased]'""")
                .param("t", opened.ticketId()).query(String.class).list())
                .containsExactly("FAILED the recipient's personal data was erased");
        assertNone(eva.values(), projectionTables());
    }

    @Test
    void aClientsFocalPointIsEncryptedAndErasedLikeAReporter() {
        Person luz = Person.fresh();
        String clientId = "initech-" + UUID.randomUUID().toString().substring(0, 8);
        registeredClient(clientId);
        long set = appendClient(new ContactsSet(clientId, List.of(), luz.name(), luz.email(), null, List.of()),
                Instant.now());
        awaitUntil("the register names her", Duration.ofSeconds(30),
                () -> get("operator", "/api/clients/" + clientId).response().body().contains(luz.email()));
        assertThat(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE global_index = :p")
                .param("p", set).query(String.class).single()).as("the ledger holds her name and e-mail encrypted")
                .doesNotContain(luz.name(), luz.email());

        erase(luz);

        awaitUntil("the register forgets her", Duration.ofSeconds(30),
                () -> get("operator", "/api/clients/" + clientId).response().body().contains("[erased]"));
        assertNone(luz.values(), get("operator", "/api/clients/" + clientId).response().body());
        assertNone(luz.values(), projectionTables());
    }

    long outboxRowsTo(String email) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :email").param("email", email)
                .query(Long.class).single();
    }

    @Test
    void thePrivacyOfficerReadsEverythingHeldAboutTheSubjectDecrypted() throws Exception {
        Person ana = Person.fresh();
        TicketOpened current = opened(ana);
        TicketOpened older = opened(ana);
        append(current, OPERATOR, Instant.now());
        append(new NoteAdded(current.ticketId(), ana.secret(), Visibility.INTERNAL, DataSubject.of(ana.email(), null)),
                OPERATOR, Instant.now());
        appendInTheClear(older);

        Answer access = get("dpo", "/api/privacy/subjects?email=" + ana.email().toUpperCase());

        assertThat(access.status()).as(access.response().body()).isEqualTo(200);
        JsonNode data = access.json();
        assertThat(data.get("erased").asBoolean()).isFalse();
        assertThat(data.get("keyHeld").asBoolean()).isTrue();
        assertThat(data.get("subjectRef").asText()).isEqualTo(subjects.refOfEmail(ana.email()));
        assertThat(data.get("events")).hasSize(3);
        assertThat(access.response().body()).contains(ana.name(), ana.email(), ana.phone(), ana.secret());

        getAt("operator", "/api/tickets/" + current.ticketId() + "/history", erase(ana));
        JsonNode erased = get("dpo", "/api/privacy/subjects?email=" + ana.email()).json();

        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.get("events")).hasSize(4); // the erasure itself is recorded
        assertThat(erased.toString()).doesNotContain(ana.name(), ana.secret()).contains("[erased]");
    }

    @Test
    void onlyThePrivacyOfficerReadsASubject() {
        for (String user : new String[] {"operator", "ana", "acme-1", "auditor", "analyst"}) {
            assertThat(get(user, "/api/privacy/subjects?email=someone@acme.example").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(get(null, "/api/privacy/subjects?email=someone@acme.example").status()).isEqualTo(401);
    }

    @Test
    void aSubjectIsNamedByExactlyOneWellFormedEmailOrPhone() {
        for (String query : new String[] {"", "?email=a@acme.example&phone=%2B5411", "?email=not-an-address",
                "?phone=call%20me", "?email=%20", "?phone=%2B"}) {
            Answer refused = get("dpo", "/api/privacy/subjects" + query);
            assertThat(refused.status()).as(query + " → " + refused.response().body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(get("dpo", "/api/privacy/subjects?email=nobody." + UUID.randomUUID() + "@acme.example").json()
                .get("events")).isEmpty();
    }
}
