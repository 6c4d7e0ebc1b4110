package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.embeddeddb.EmbeddedDatabase;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ShadowRebuilds;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static com.ticketledger.query.ProjectionRecoveryIT.appendLifecycles;
import static com.ticketledger.query.ProjectionRecoveryIT.awaitCaughtUp;
import static com.ticketledger.query.ProjectionRecoveryIT.awaitUntil;
import static com.ticketledger.query.ProjectionRecoveryIT.rebuild;
import static com.ticketledger.query.ProjectionRecoveryIT.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild fills copies of a projection's tables while the reads answer from the live ones, and swaps them in
 * at the end: a reader polling every ticket throughout never misses one nor sees one go back; the swapped tables
 * equal an in-place rebuild of the same ledger, events appended meanwhile included; a rebuild stopped before its
 * swap leaves the live tables serving and is discarded at the next start.
 */
class ShadowRebuildIT {

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuildIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REBUILT = List.of(ProcessingGroups.TICKET_STATUS,
            ProcessingGroups.TICKET_HISTORY, ProcessingGroups.REPORTS);

    final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    final String database = EmbeddedDatabase.forTests()
            .createDatabase("shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + EmbeddedDatabase.USER,
                "--spring.flyway.locations=classpath:db/store,classpath:db/session,classpath:db/query",
                "--ledger.checkpoint.key-file=target/checkpoint-key.pem",
                "--ledger.notifications.local-mail-server.port=0",
                "--ledger.notifications.delivery.enabled=false", "--ledger.notifications.scan.enabled=false"));
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("embedded")
                .run(arguments.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    @Test
    void readersSeeEveryTicketThroughoutTheRebuildAndTheSwappedTablesEqualAFreshBuild() throws Exception {
        ConfigurableApplicationContext node = start();
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        long last = appendLifecycles(node, 2_000);
        awaitCaughtUp(node, last);
        List<UUID> sample = jdbc.sql("SELECT ticket_id FROM ticket_status ORDER BY opened_position LIMIT 15")
                .query(UUID.class).list();

        Reader reader = new Reader(node, jdbc, sample);
        long started = System.nanoTime();
        Thread reading = new Thread(reader, "reader");
        reading.start();
        for (String group : REBUILT) {
            assertThat(post(node, "/api/admin/projections/" + group + "/rebuild").statusCode()).isEqualTo(202);
        }
        assertThat(node.getBean(ShadowRebuilds.class).isRebuilding(ProcessingGroups.TICKET_STATUS)).isTrue();
        JsonNode during = projection(node, ProcessingGroups.TICKET_STATUS);
        assertThat(during.get("replaying").asBoolean()).isTrue();
        assertThat(during.get("rebuild").get("phase").asText()).isNotBlank();
        // the desk goes on meanwhile: new tickets and events of old ones land in the rebuilt tables too
        long appended = appendLifecycles(node, 300);
        double fastest = 0;
        ShadowRebuilds rebuilds = node.getBean(ShadowRebuilds.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (REBUILT.stream().anyMatch(rebuilds::isRebuilding)) {
            assertThat(System.nanoTime()).as("the rebuilds end").isLessThan(deadline);
            JsonNode rebuild = projection(node, ProcessingGroups.TICKET_STATUS).get("rebuild");
            if (rebuild != null && !rebuild.isNull() && rebuild.get("eventsPerSecond").isNumber()) {
                fastest = Math.max(fastest, rebuild.get("eventsPerSecond").asDouble());
            }
            Thread.sleep(500);
        }
        log.info("three projections rebuilt side by side in {} ms (ticket-status's rebuild read up to {} events/s)",
                (System.nanoTime() - started) / 1_000_000, fastest);
        awaitCaughtUp(node, appended);
        reader.stop();
        reading.join();

        assertThat(reader.failures).as("what the reader saw go wrong").isEmpty();
        assertThat(reader.rounds.get()).as("rounds the reader read").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild_%'").query(Long.class)
                .single()).as("no copies left").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name LIKE '%.rebuild'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT relpersistence FROM pg_class WHERE oid = 'public.ticket_status'::regclass")
                .query(String.class).single()).as("logged again").isEqualTo("p");
        assertThat(indexes(jdbc, "ticket_status")).as("every index, by its name").isEqualTo(indexNamesAtMigration());
        long tickets = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE sequence_number = 0")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status").query(Long.class).single()).isEqualTo(tickets);
        assertThat(searchRows(jdbc, "ticket_search")).as("each ticket's search row written once per batch")
                .isEqualTo(searchRowsOneStatementPerEvent(node));

        Map<String, List<Map<String, Object>>> swapped = snapshot(node);
        long inPlace = System.nanoTime();
        rebuild(node, appended);
        log.info("the same three rebuilt in place (emptied first) in {} ms", (System.nanoTime() - inPlace) / 1_000_000);
        assertThat(snapshot(node)).as("the swapped tables equal an in-place rebuild").isEqualTo(swapped);
    }

    @Test
    void notificationsAndClientsRebuildWithoutDecidingAnythingAgain() throws Exception {
        ConfigurableApplicationContext node = start();
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        long last = appendLifecycles(node, 200);
        awaitCaughtUp(node, last);
        awaitUntil("the notifications hold the head", () -> projection(node, ProcessingGroups.NOTIFICATIONS)
                .get("lag").asLong() == 0);
        List<Map<String, Object>> outbox = jdbc.sql("SELECT * FROM notification ORDER BY id").query().listOfRows();
        List<Map<String, Object>> kept = jdbc.sql("SELECT * FROM notification_ticket ORDER BY ticket_id")
                .query().listOfRows();

        for (String group : List.of(ProcessingGroups.NOTIFICATIONS, ProcessingGroups.CLIENTS)) {
            assertThat(post(node, "/api/admin/projections/" + group + "/rebuild").statusCode()).isEqualTo(202);
        }
        awaitRebuilt(node, ProcessingGroups.NOTIFICATIONS, ProcessingGroups.CLIENTS);
        // the clients projection takes none of these events: its rebuild's stored token kept up all the same
        ShadowRebuilds rebuilds = node.getBean(ShadowRebuilds.class);
        assertThat(rebuilds.swapWaits(ProcessingGroups.CLIENTS).count()).as("swaps that waited").isZero();
        assertThat(rebuilds.swapWaits(ProcessingGroups.NOTIFICATIONS).count()).as("swaps that waited").isZero();

        assertThat(jdbc.sql("SELECT * FROM notification ORDER BY id").query().listOfRows())
                .as("the outbox: nothing decided again").isEqualTo(outbox);
        // it started at the head the first time, so it kept nothing of these tickets; a rebuild reads them all
        assertThat(jdbc.sql("SELECT count(*) FROM notification_ticket").query(Long.class).single())
                .isGreaterThanOrEqualTo(kept.size());
        assertThat(projection(node, ProcessingGroups.NOTIFICATIONS).get("replaying").asBoolean()).isFalse();
    }

    @Test
    void aRebuildStoppedBeforeItsSwapLeavesTheLiveTablesServingAndIsDiscardedAtTheNextStart() throws Exception {
        ConfigurableApplicationContext node = start();
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        long last = appendLifecycles(node, 1_500);
        awaitCaughtUp(node, last);
        Map<String, List<Map<String, Object>>> before = snapshot(node);
        UUID ticket = jdbc.sql("SELECT ticket_id FROM ticket_status LIMIT 1").query(UUID.class).single();

        ShadowRebuilds rebuilds = node.getBean(ShadowRebuilds.class);
        assertThat(rebuilds.start(ProcessingGroups.TICKET_STATUS)).isEqualTo(ShadowRebuilds.Started.STARTED);
        // asked again, it starts over (it may have met events before the fix it is asked for)
        assertThat(rebuilds.start(ProcessingGroups.TICKET_STATUS)).isEqualTo(ShadowRebuilds.Started.RESTARTED);
        awaitUntil("the rebuild has filled some rows", () -> jdbc.sql(
                "SELECT count(*) FROM rebuild_ticket_status.ticket_status").query(Long.class).single() > 0);
        rebuilds.abandon(ProcessingGroups.TICKET_STATUS);

        assertThat(snapshot(node)).as("the live tables as they were").isEqualTo(before);
        assertThat(get(node, "/api/tickets/" + ticket).statusCode()).isEqualTo(200);
        long appended = appendLifecycles(node, 10);
        awaitCaughtUp(node, appended);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status").query(Long.class).single())
                .as("the live processor goes on").isEqualTo(1_510);

        // the next start of an instance (here: asked again) discards what was left
        rebuilds.discardLeftovers();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'rebuild_ticket_status'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = 'ticket-status.rebuild'")
                .query(Long.class).single()).isZero();

        // and a rebuild from the first event then ends as any
        assertThat(rebuilds.start(ProcessingGroups.TICKET_STATUS)).isEqualTo(ShadowRebuilds.Started.STARTED);
        awaitRebuilt(node, ProcessingGroups.TICKET_STATUS);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status").query(Long.class).single()).isEqualTo(1_510);
    }

    /**
     * The first pass reads the ledger without Axon's processor; an append it read past before it committed (a gap)
     * must reach the rebuilt tables all the same: the processor that goes on from the pass's token comes back for it.
     */
    @Test
    void anAppendCommittedAfterTheRebuildReadPastItIsInTheRebuiltTables() throws Exception {
        ConfigurableApplicationContext node = start();
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        TicketOpened slow = Tickets.opened("acme");
        HeldAppend held = HeldAppend.open(node.getBean(EventStore.class), node.getBean(TransactionTemplate.class),
                slow, Duration.ofSeconds(60));
        // stamped now: behind an event older than a minute, a gap is given up for good (Axon's rule)
        for (int i = 0; i < 30; i++) {
            TicketOpened opened = Tickets.opened("acme");
            node.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("Ticket",
                    opened.ticketId().toString(), 0, opened, Map.of(MetaDataKeys.USER, "operator",
                    MetaDataKeys.ROLE, "OPERATOR"), UUID.randomUUID().toString(), Instant.now()));
        }
        long last = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        awaitCaughtUp(node, last);

        ShadowRebuilds rebuilds = node.getBean(ShadowRebuilds.class);
        assertThat(rebuilds.start(ProcessingGroups.TICKET_STATUS)).isEqualTo(ShadowRebuilds.Started.STARTED);
        awaitUntil("the rebuild has read past the open append", () -> rebuilds.progress(ProcessingGroups.TICKET_STATUS)
                .map(progress -> progress.position() >= last).orElse(true));
        held.commit();
        long slowPosition = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", slow.ticketId().toString()).query(Long.class).single();
        assertThat(slowPosition).as("the slow append took an earlier position").isLessThan(last);

        awaitRebuilt(node, ProcessingGroups.TICKET_STATUS);
        awaitUntil("the slow append is in the rebuilt status rows", () -> jdbc.sql(
                "SELECT count(*) FROM ticket_status WHERE ticket_id = :t").param("t", slow.ticketId())
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT opened_position FROM ticket_status WHERE ticket_id = :t")
                .param("t", slow.ticketId()).query(Long.class).single()).isEqualTo(slowPosition);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status").query(Long.class).single()).isEqualTo(31);
    }

    /**
     * The first pass hands the tickets' events to two workers side by side, each in a transaction of its own. A
     * round whose write fails in one worker commits in neither: the copy holds no ticket from that round on, the
     * pass's two segments become the processor's one at the round before, and once the fault is gone the rebuild's
     * processor goes on from there to tables equal to the live ones.
     */
    @Test
    void aRoundOfTheFirstPassThatFailsToWriteInOneWorkerCommitsInNone() throws Exception {
        // batches of 2,000 events, so that the ledger's 6,400 make several rounds
        ConfigurableApplicationContext node = start("--ledger.processing.rebuild-batch-size=2000");
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        long last = appendLifecycles(node, 800);
        awaitCaughtUp(node, last);
        Map<String, List<Map<String, Object>>> before = snapshot(node);
        // early in the pass's second batch (2,000 events): the round goes on with both workers' tickets after it
        long first = jdbc.sql("SELECT min(global_index) FROM domain_event_entry").query(Long.class).single();
        Map<String, Object> poisoned = jdbc.sql("""
                        SELECT ticket_id, opened_position FROM ticket_status WHERE opened_position >= :from
                        ORDER BY opened_position LIMIT 1""")
                .param("from", first + 2_050).query().singleRow();
        long poisonedAt = ((Number) poisoned.get("opened_position")).longValue();
        jdbc.sql("""
                CREATE FUNCTION fail_in_copies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_SCHEMA <> 'public' AND NEW.ticket_id = '%s' THEN
                        RAISE EXCEPTION 'a write fault injected in the copy';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(poisoned.get("ticket_id"))).update();
        jdbc.sql("""
                CREATE TRIGGER fail_in_copies BEFORE INSERT OR UPDATE ON ticket_status
                FOR EACH ROW EXECUTE FUNCTION fail_in_copies()""").update();

        ShadowRebuilds rebuilds = node.getBean(ShadowRebuilds.class);
        assertThat(rebuilds.start(ProcessingGroups.TICKET_STATUS)).isEqualTo(ShadowRebuilds.Started.STARTED);
        String copy = "rebuild_ticket_status.ticket_status";
        awaitUntil("the first pass has ended, its segments one again", () -> jdbc.sql("""
                        SELECT count(*) FROM token_entry WHERE processor_name = 'ticket-status.rebuild'""")
                .query(Long.class).single() == 1 && jdbc.sql("SELECT count(*) FROM " + copy)
                .query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT count(*) FROM " + copy + " WHERE opened_position >= :at")
                .param("at", poisonedAt).query(Long.class).single())
                .as("tickets of the failed round or later in the copy").isZero();
        long filled = jdbc.sql("SELECT count(*) FROM " + copy).query(Long.class).single();
        assertThat(filled).as("the rounds before it, both workers' tickets").isGreaterThanOrEqualTo(380);
        assertThat(rebuilds.isRebuilding(ProcessingGroups.TICKET_STATUS)).as("the processor retries").isTrue();

        // the fault fixed (the copy has its own trigger, which calls the same function)
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION fail_in_copies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN NEW;
                END $$""").update();
        awaitRebuilt(node, ProcessingGroups.TICKET_STATUS);
        assertThat(snapshot(node)).as("the rebuilt tables equal the live ones").isEqualTo(before);
    }

    /**
     * Waits until none of {@code groups} is rebuilding, as long as the rebuilds of the first test may take (a swap
     * the live tokens are not yet covered for waits 10 s and tries again); on a time-out, says where each rebuild
     * and token was.
     */
    private static void awaitRebuilt(ConfigurableApplicationContext node, String... groups) {
        ShadowRebuilds rebuilds = node.getBean(ShadowRebuilds.class);
        try {
            QuerySideIT.awaitUntil("the rebuilds of " + String.join(", ", groups) + " end", Duration.ofMinutes(4),
                    () -> Stream.of(groups).noneMatch(rebuilds::isRebuilding));
        } catch (AssertionError e) {
            StringBuilder state = new StringBuilder(e.getMessage());
            for (String group : groups) {
                state.append("\n").append(group).append(": ").append(rebuilds.progress(group));
            }
            node.getBean(JdbcClient.class).sql("SELECT processor_name, segment, owner, convert_from(token, 'UTF8') "
                            + "AS token FROM token_entry ORDER BY processor_name, segment").query().listOfRows()
                    .forEach(token -> state.append("\n").append(token));
            throw new AssertionError(state.toString(), e);
        }
    }

    private static List<Map<String, Object>> searchRows(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT ticket_id, version, public_document::TEXT AS public_document, "
                + "desk_document::TEXT AS desk_document FROM " + table + " ORDER BY ticket_id").query().listOfRows();
    }

    /**
     * The search rows as the projection wrote them before it wrote each ticket's row once per batch: every
     * ticket's events from the ledger, one INSERT per opening and one UPDATE per note, in a table of the test's.
     */
    private static List<Map<String, Object>> searchRowsOneStatementPerEvent(ConfigurableApplicationContext node) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        EventStore store = node.getBean(EventStore.class);
        jdbc.sql("DROP TABLE IF EXISTS expected_search").update();
        jdbc.sql("CREATE TABLE expected_search (LIKE ticket_search)").update();
        for (String ticket : jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0 "
                + "AND type = 'Ticket'").query(String.class).list()) {
            store.readEvents(ticket).asStream().forEach(event -> {
                if (event.getPayload() instanceof TicketOpened opened) {
                    jdbc.sql("""
                                    INSERT INTO expected_search (ticket_id, client_id, opened_position, version,
                                        public_document, desk_document)
                                    SELECT :ticketId, :clientId, 0, :sequence, opened.document, opened.document
                                    FROM (SELECT ticket_search_document(:title, 'A')
                                              || ticket_search_document(:description, 'B') AS document) opened""")
                            .param("ticketId", opened.ticketId()).param("clientId", opened.clientId())
                            .param("sequence", event.getSequenceNumber()).param("title", opened.title())
                            .param("description", opened.description()).update();
                } else if (event.getPayload() instanceof NoteAdded note && note.personalDataOf() == null) {
                    jdbc.sql("""
                                    UPDATE expected_search AS x
                                    SET version = :sequence,
                                        public_document = CASE WHEN :public
                                            THEN ticket_search_append(x.public_document, note.document)
                                            ELSE x.public_document END,
                                        desk_document = ticket_search_append(x.desk_document, note.document)
                                    FROM (SELECT ticket_search_document(:text, 'C') AS document) note
                                    WHERE x.ticket_id = :ticketId AND x.version < :sequence""")
                            .param("sequence", event.getSequenceNumber())
                            .param("public", note.visibility() != Visibility.INTERNAL).param("text", note.text())
                            .param("ticketId", note.ticketId()).update();
                }
            });
        }
        try {
            return searchRows(jdbc, "expected_search");
        } finally {
            jdbc.sql("DROP TABLE expected_search").update();
        }
    }

    /** The index names the migrations gave ticket_status, as a fresh database has them. */
    private List<String> indexNamesAtMigration() {
        return List.of("ticket_status_client", "ticket_status_engineer_queue", "ticket_status_level_queue",
                "ticket_status_number", "ticket_status_opened_position", "ticket_status_pkey",
                "ticket_status_resolution_risk", "ticket_status_response_risk", "ticket_status_update_risk",
                "ticket_status_vendor_queue");
    }

    private static List<String> indexes(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = :t"
                + " ORDER BY indexname").param("t", table).query(String.class).list();
    }

    /**
     * Reads, over and over: every ticket's status row (none missing, none older than before), and through the
     * API a sample of tickets, their histories and the engineer's queue (never a 404 or an older version).
     */
    final class Reader implements Runnable {
        final ConfigurableApplicationContext node;
        final JdbcClient jdbc;
        final List<UUID> sample;
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicInteger rounds = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Map<UUID, Long> versions = new HashMap<>();
        final Map<UUID, Integer> historySizes = new HashMap<>();
        final Map<String, Long> counts = new HashMap<>();

        Reader(ConfigurableApplicationContext node, JdbcClient jdbc, List<UUID> sample) {
            this.node = node;
            this.jdbc = jdbc;
            this.sample = sample;
        }

        void stop() {
            stopped.set(true);
        }

        @Override
        public void run() {
            while (!stopped.get() && failures.size() < 20) {
                try {
                    round();
                    rounds.incrementAndGet();
                } catch (Exception e) {
                    failures.add("reading failed: " + e);
                }
            }
        }

        private void round() throws IOException {
            Map<UUID, Long> all = new HashMap<>();
            jdbc.sql("SELECT ticket_id, version FROM ticket_status").query(rs -> {
                all.put(rs.getObject(1, UUID.class), rs.getLong(2));
            });
            for (Map.Entry<UUID, Long> seen : versions.entrySet()) {
                Long now = all.get(seen.getKey());
                if (now == null || now < seen.getValue()) {
                    failures.add("ticket " + seen.getKey() + " at version " + now + " after " + seen.getValue());
                }
            }
            versions.putAll(all);
            for (String table : List.of("ticket_history", "report_ticket", "ticket_search")) {
                long count = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
                if (count < counts.getOrDefault(table, 0L)) {
                    failures.add(table + " went from " + counts.get(table) + " rows to " + count);
                }
                counts.put(table, count);
            }
            for (UUID ticket : sample) {
                HttpResponse<String> status = get(node, "/api/tickets/" + ticket);
                if (status.statusCode() != 200) {
                    failures.add("GET ticket " + ticket + ": " + status.statusCode());
                    continue;
                }
                long version = JSON.readTree(status.body()).get("version").asLong();
                if (version < versions.getOrDefault(ticket, 0L)) {
                    failures.add("ticket " + ticket + " read at version " + version);
                }
                HttpResponse<String> history = get(node, "/api/tickets/" + ticket + "/history");
                int size = history.statusCode() == 200 ? JSON.readTree(history.body()).size() : -1;
                if (size < historySizes.getOrDefault(ticket, 1)) {
                    failures.add("history of " + ticket + ": " + history.statusCode() + ", " + size + " entries");
                }
                historySizes.put(ticket, Math.max(size, historySizes.getOrDefault(ticket, 1)));
            }
            HttpResponse<String> queue = get(node, "/api/queues/engineers/ana");
            if (queue.statusCode() != 200 || queue.body().length() < 10) {
                failures.add("ana's queue: " + queue.statusCode() + " " + queue.body());
            }
        }
    }

    private JsonNode projection(ConfigurableApplicationContext node, String name) {
        try {
            for (JsonNode projection : JSON.readTree(get(node, "/api/admin/projections").body())) {
                if (projection.get("name").asText().equals(name)) {
                    return projection;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no projection " + name);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) {
        return send(node, HttpRequest.newBuilder(uri(node, path)).GET());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path) {
        return send(node, HttpRequest.newBuilder(uri(node, path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8)));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
