package com.ticketledger.query;

import com.ticketledger.embeddeddb.EmbeddedDatabase;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.processing.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query-side instances started and stopped for real over one database: an instance stopped in the middle of
 * the stream and started again ends with the projections a fresh rebuild gives, and two instances split the
 * segments between them and together apply every event.
 */
class ProjectionRecoveryIT {

    static final List<String> GROUPS = List.of(ProcessingGroups.TICKET_STATUS, ProcessingGroups.TICKET_HISTORY,
            ProcessingGroups.REPORTS);

    final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    /** A database of this test's own: no other test's instances compete for its segments. */
    final String database = EmbeddedDatabase.forTests()
            .createDatabase("recovery_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start(String nodeId) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + EmbeddedDatabase.USER,
                "--spring.flyway.locations=classpath:db/store,classpath:db/session,classpath:db/query",
                "--ledger.processing.node-id=" + nodeId,
                // short, so that a stopped instance's segments pass on quickly; not shorter than a few
                // claim extensions (1 s), or a second instance still starting up on a busy machine steals
                // the first one's segments while it is merely slow
                "--ledger.processing.claim-timeout=5s",
                "--ledger.checkpoint.key-file=target/checkpoint-key.pem",
                // two instances at once: each its own free port for the local mail server
                "--ledger.notifications.local-mail-server.port=0",
                "--ledger.notifications.delivery.enabled=false", "--ledger.notifications.scan.enabled=false"));
        // two segments for each projection here, whatever the default: two instances share them
        for (String group : GROUPS) {
            arguments.add("--axon.eventhandling.processors." + group + ".initial-segment-count=2");
            arguments.add("--axon.eventhandling.processors." + group + ".thread-count=2");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("embedded").run(arguments.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    /** Appends {@code tickets} lifecycles of five events each; answers the last position. */
    static long appendLifecycles(ConfigurableApplicationContext context, int tickets) {
        EventStore store = context.getBean(EventStore.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        Instant at = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < tickets; i++) {
            TicketOpened opened = Tickets.opened(i % 2 == 0 ? "acme" : "globex");
            List<TicketEvent> events = List.of(opened,
                    new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1),
                    new NoteAdded(opened.ticketId(), "looking " + i, Visibility.PUBLIC),
                    new NoteAdded(opened.ticketId(), "internal " + i, Visibility.INTERNAL),
                    new TicketPendingClosure(opened.ticketId(), "fixed " + i));
            Instant openedAt = at.plusSeconds(i);
            transactions.executeWithoutResult(status -> {
                for (int sequence = 0; sequence < events.size(); sequence++) {
                    Map<String, Object> metaData = new HashMap<>();
                    metaData.put(MetaDataKeys.USER, sequence == 0 ? "operator" : "ana");
                    metaData.put(MetaDataKeys.ROLE, sequence == 0 ? "OPERATOR" : "ENGINEER");
                    store.publish(new GenericDomainEventMessage<>("Ticket", opened.ticketId().toString(), sequence,
                            events.get(sequence), metaData, UUID.randomUUID().toString(),
                            openedAt.plusSeconds(sequence)));
                }
            });
        }
        return context.getBean(JdbcClient.class).sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class).single();
    }

    /** Whole instances start, replay and hand over segments here: each wait gets a minute. */
    static void awaitUntil(String what, BooleanSupplier condition) {
        QuerySideIT.awaitUntil(what, Duration.ofSeconds(60), condition);
    }

    static void awaitCaughtUp(ConfigurableApplicationContext context, long position) {
        ProjectionPositions positions = context.getBean(ProjectionPositions.class);
        for (String group : GROUPS) {
            awaitUntil(group + " reaches " + position, () -> positions.hasProcessed(group, position));
        }
    }

    /** Everything the projections hold, in a stable order, to compare two builds of them. */
    static Map<String, List<Map<String, Object>>> snapshot(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Map<String, List<Map<String, Object>>> tables = new HashMap<>();
        tables.put("ticket_status", jdbc.sql("SELECT * FROM ticket_status ORDER BY ticket_id").query().listOfRows());
        tables.put("report_ticket", jdbc.sql("SELECT * FROM report_ticket ORDER BY ticket_id").query().listOfRows());
        tables.put("ticket_history", jdbc.sql("SELECT position, ticket_id, client_id, sequence, at, type, actor, "
                + "actor_role, visibility, summary, details::TEXT FROM ticket_history ORDER BY position")
                .query().listOfRows());
        tables.put("ticket_search", jdbc.sql("SELECT ticket_id, client_id, opened_position, version, "
                + "public_document::TEXT, desk_document::TEXT FROM ticket_search ORDER BY ticket_id")
                .query().listOfRows());
        return tables;
    }

    static void rebuild(ConfigurableApplicationContext context, long position) {
        for (String group : GROUPS) {
            StreamingEventProcessor processor = processor(context, group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitCaughtUp(context, position);
        for (String group : GROUPS) {
            awaitUntil(group + " has replayed what it was reset to replay", () -> replayed(processor(context, group)));
        }
    }

    /**
     * Whether a processor has replayed everything it was reset to replay: it is out of its replay, or each of its
     * segments stands at the very position it was reset at. Axon ends a replay with the first event past that
     * position, so a processor reset at the head is still "replaying" until the next event arrives.
     */
    static boolean replayed(StreamingEventProcessor processor) {
        if (!processor.isReplaying()) {
            return true;
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(status -> {
            if (!(status.getTrackingToken() instanceof ReplayToken replay)) {
                return true;
            }
            TrackingToken current = replay.getCurrentToken();
            return current != null && current.covers(replay.getTokenAtReset());
        });
    }

    static StreamingEventProcessor processor(ConfigurableApplicationContext context, String group) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }

    static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void instanceStoppedMidStreamAndStartedAgainEndsEqualToAFreshRebuild() {
        ConfigurableApplicationContext first = start("node-a");
        GROUPS.forEach(group -> processor(first, group).shutDown());
        long last = appendLifecycles(first, 400);
        long events = count(first, "domain_event_entry");
        GROUPS.forEach(group -> processor(first, group).start());
        awaitUntil("the history projection is under way", () -> count(first, "ticket_history") > 0);
        first.close();

        ConfigurableApplicationContext again = start("node-a");
        long processedBeforeRestart = count(again, "ticket_history");
        org.slf4j.LoggerFactory.getLogger(getClass()).info("stopped after {} of {} events", processedBeforeRestart,
                events);
        awaitCaughtUp(again, last);
        Map<String, List<Map<String, Object>>> resumed = snapshot(again);

        rebuild(again, last);
        assertThat(snapshot(again)).isEqualTo(resumed);
    }

    @Test
    void twoInstancesSplitTheSegmentsAndTogetherApplyEveryEvent() {
        ConfigurableApplicationContext a = start("node-a");
        ConfigurableApplicationContext b = start("node-b");
        // The first instance claimed both segments; it hands one over and the second claims it (as an operator
        // does through the admin API), and from then on each applies its own share of the stream. The claim is
        // asked for, not waited for: on a busy machine the second instance's own coordinator may back off
        // for a while before it looks for free segments again.
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        for (String group : GROUPS) {
            processor(a, group).releaseSegment(1, 120, java.util.concurrent.TimeUnit.SECONDS);
            AtomicReference<CompletableFuture<Boolean>> claim = new AtomicReference<>(
                    CompletableFuture.completedFuture(false));
            awaitUntil("both nodes hold segments of " + group, () -> {
                Set<String> owners = new HashSet<>(jdbc.sql(
                        "SELECT owner FROM token_entry WHERE processor_name = :p AND owner IS NOT NULL")
                        .param("p", group).query(String.class).list());
                if (!owners.contains("node-b") && claim.get().isDone()) {
                    claim.set(processor(b, group).claimSegment(1));
                }
                return owners.equals(Set.of("node-a", "node-b"));
            });
        }
        long last = appendLifecycles(a, 200);
        awaitCaughtUp(a, last);
        awaitCaughtUp(b, last);
        for (String group : GROUPS) {
            assertThat(processor(a, group).processingStatus().keySet()).containsExactly(0);
            assertThat(processor(b, group).processingStatus().keySet()).containsExactly(1);
        }
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        long historyRows = jdbc.sql("SELECT count(*) FROM ticket_history").query(Long.class).single();
        assertThat(historyRows).as("one history row per event of the ledger").isEqualTo(events);
        long tickets = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE sequence_number = 0")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status").query(Long.class).single()).isEqualTo(tickets);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status t WHERE t.version <> "
                        + "(SELECT max(e.sequence_number) FROM domain_event_entry e "
                        + "WHERE e.aggregate_identifier = t.ticket_id::TEXT)").query(Long.class).single())
                .as("every ticket's row is at its last event").isZero();
    }
}
