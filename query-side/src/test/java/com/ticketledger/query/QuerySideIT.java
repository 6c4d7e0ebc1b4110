package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.embeddeddb.EmbeddedDatabase;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.events.TicketEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side started for real over a real PostgreSQL (zonky). The ledger is written the way the command
 * side writes it: domain events appended through Axon's JDBC event store (so the database's hash-chain
 * trigger runs), with the actor in the metadata and the timestamps a test needs for its SLA arithmetic.
 * Metrics are exported as in production (a test context leaves them out unless told so).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.flyway.locations=classpath:db/store,classpath:db/session,classpath:db/query",
        "ledger.reads.max-wait=2s", "ledger.checkpoint.key-file=target/checkpoint-key.pem",
        // Notifications are decided by every test's query side (whichever holds the segment), so all of them
        // have the same settings (in English, one webhook: WebhookReceiver), but delivered and scanned only by
        // NotificationsIT's own; the local mail server takes a free port in each.
        "ledger.notifications.language=en",
        "ledger.notifications.delivery.enabled=false", "ledger.notifications.scan.enabled=false",
        "ledger.notifications.local-mail-server.port=0"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("embedded")
@Import(ProjectionFaults.class)
public abstract class QuerySideIT {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedDatabase.forTests().jdbcUrl());
        registry.add("spring.datasource.username", () -> EmbeddedDatabase.USER);
        // the subscription whole in one place: Spring Boot binds a list from one property source only
        registry.add("ledger.notifications.webhooks[0].url", WebhookReceiver::url);
        registry.add("ledger.notifications.webhooks[0].secret", () -> WebhookReceiver.SECRET);
        registry.add("ledger.notifications.webhooks[0].kinds", () -> "ACCEPTANCE_REQUESTED,VENDOR_ESCALATION");
    }

    @LocalServerPort
    protected int port;

    /** The management server's: metrics, Prometheus, health with details; no credentials. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    /** Waits until {@code condition} holds, failing the test if it still does not after {@code limit}. */
    static void awaitUntil(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private final Map<UUID, Long> nextSequence = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** Who did it, as the command side puts it in the metadata. */
    protected record By(String user, Role role, String organisation) {
        static By staff(String user, Role role) {
            return new By(user, role, null);
        }
    }

    protected static final By OPERATOR = By.staff("operator", Role.OPERATOR);
    protected static final By ANA = By.staff("ana", Role.ENGINEER);
    protected static final By BRUNO = By.staff("bruno", Role.ENGINEER);
    protected static final By ACME_CLIENT = new By("acme-1", Role.CLIENT, "acme");

    /** Appends the ticket's next event, stamped {@code at}; answers its global position. */
    protected long append(TicketEvent event, By by, Instant at) {
        return append(event, by, at, UUID.randomUUID().toString());
    }

    /** The same, as caused by the command request {@code correlationId}. */
    protected long append(TicketEvent event, By by, Instant at, String correlationId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.USER, by.user());
        metaData.put(MetaDataKeys.ROLE, by.role().name());
        if (by.organisation() != null) {
            metaData.put(MetaDataKeys.ORGANISATION, by.organisation());
        }
        metaData.put(MetaDataKeys.CORRELATION_ID, correlationId);
        return append(event, metaData, at);
    }

    /** Appends what the ledger did by itself (an automatic acceptance): the actor is {@code system}, no person. */
    protected long appendByTheLedger(TicketEvent event, Instant at) {
        return append(event, Map.of(MetaDataKeys.USER, MetaDataKeys.SYSTEM_USER, MetaDataKeys.ROLE,
                MetaDataKeys.SYSTEM_ROLE, MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString()), at);
    }

    private long append(TicketEvent event, Map<String, Object> metaData, Instant at) {
        long sequence = nextSequence.merge(event.ticketId(), 0L, (old, zero) -> old + 1);
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Ticket",
                event.ticketId().toString(), sequence, event, metaData, UUID.randomUUID().toString(), at)));
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :t "
                        + "AND sequence_number = :s")
                .param("t", event.ticketId().toString()).param("s", sequence).query(Long.class).single();
    }

    /** Appends the client's next event (its stream is {@code client:<id>}), stamped {@code at}; answers its position. */
    protected long appendClient(ClientEvent event, Instant at) {
        String stream = ClientEvent.streamOf(event.clientId());
        long sequence = jdbc.sql("SELECT coalesce(max(sequence_number) + 1, 0) FROM domain_event_entry"
                + " WHERE aggregate_identifier = :c").param("c", stream).query(Long.class).single();
        Map<String, Object> metaData = Map.of(MetaDataKeys.USER, "operator", MetaDataKeys.ROLE, Role.OPERATOR.name(),
                MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Client",
                stream, sequence, event, metaData, UUID.randomUUID().toString(), at)));
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :c "
                        + "AND sequence_number = :s")
                .param("c", stream).param("s", sequence).query(Long.class).single();
    }

    /**
     * Appends a version of an SLA policy to its stream ({@code sla-policy:<name>}) as the command side writes it, by
     * {@code operator}, stamped {@code at}; answers its position. Tests name their own policies: {@code standard} is
     * every older ticket's, and stays the configured one here.
     */
    protected long appendPolicy(SlaPolicyDefined event, Instant at) {
        String stream = SlaPolicyEvent.streamOf(event.name());
        Map<String, Object> metaData = Map.of(MetaDataKeys.USER, "operator", MetaDataKeys.ROLE, Role.OPERATOR.name(),
                MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("SlaPolicy",
                stream, event.version() - 1L, event, metaData, UUID.randomUUID().toString(), at)));
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = :p "
                        + "AND sequence_number = :s")
                .param("p", stream).param("s", event.version() - 1L).query(Long.class).single();
    }

    /** Registers {@code clientId} with a contract in force, unless registered already; answers the last position. */
    protected long registeredClient(String clientId) {
        boolean known = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :c")
                .param("c", ClientEvent.streamOf(clientId)).query(Long.class).single() > 0;
        if (known) {
            return jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = :c")
                    .param("c", ClientEvent.streamOf(clientId)).query(Long.class).single();
        }
        appendClient(new ClientRegistered(clientId, clientId + " S.A.", "es-AR", "America/Argentina/Buenos_Aires"),
                Instant.now());
        return appendClient(new ContractSet(clientId, java.time.LocalDate.now().minusDays(30),
                java.time.LocalDate.now().plusDays(365), "standard", false, false, null), Instant.now());
    }

    protected record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    /** A GET as {@code user} (no credentials when null), with further headers as name, value pairs. */
    protected Answer get(String user, String path, String... headers) {
        return get(port, user, path, headers);
    }

    /** A GET on the management server, without credentials. */
    protected Answer management(String path) {
        return get(managementPort, null, path);
    }

    private Answer get(int serverPort, String user, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = exchange(request);
        return new Answer(response.statusCode(), response);
    }

    /** Sends the request to this test's query side and answers what came back, the body as text. */
    protected HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with no body as {@code user}, e.g. a rebuild or a dead-letter retry; the answer as text. */
    protected HttpResponse<String> request(String method, String user, String path) {
        return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** HTTP Basic for a demo user, whose password is the user name. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** The projection's entry in {@code GET /api/admin/projections}: position, lag, replaying, dead letters … */
    protected JsonNode projection(String name) {
        for (JsonNode projection : get("operator", "/api/admin/projections").json()) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    /** Reads after the projection has processed {@code position} (read-your-writes, as clients do). */
    protected Answer getAt(String user, String path, long position) {
        return get(user, path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
    }
}
