package com.ticketledger.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the ledger in bulk for the benchmark: writes ticket lifecycles straight into the event table as the
 * command side would have appended them. The same event records, serialized by Axon's JacksonSerializer to
 * the same bytes, the same metadata keys, the same timestamp format, ticket numbers from the same sequence;
 * the event table's trigger chains each event exactly as it chains the command side's. Before writing a
 * single event it proves the first claim: events the command side wrote in this run, read back and written
 * again by the generator's serializer, must come out byte for byte the same.
 *
 * <p>Personal data: an event whose personal values the command side encrypted (a random nonce each) cannot come
 * out the same and is not compared. When the command side encrypts, the generator gives every ticket it writes the
 * reporter of the command side's first encrypted opening, ciphertext and all, so that a rebuild decrypts as it would
 * over the command side's events; with {@code ledger.privacy.encryption} off, it writes its reporter in the clear.
 */
final class LedgerGenerator {

    /** Tickets written per transaction. */
    private static final int TICKETS_PER_TRANSACTION = 250;

    private static final Reporter REPORTER = new Reporter("Generated", "generated@acme.example", null);

    private final String jdbcUrl;
    private final ObjectMapper objectMapper;
    private final JacksonSerializer serializer;
    /** The reporter as the command side stored it encrypted; {@code null}: written in the clear. */
    private volatile JsonNode encryptedReporter;

    LedgerGenerator(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        this.objectMapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();
    }

    /**
     * Reads up to {@code samples} events the command side wrote and fails unless the generator's serializer
     * writes each payload and metadata back to the very bytes stored. Only tickets' events: the generator writes
     * no other stream (a client's, an SLA policy's).
     */
    int requireSameBytesAsTheCommandSide(int samples) throws SQLException {
        int compared = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement select = connection.prepareStatement("""
                     SELECT payload_type, payload, meta_data FROM domain_event_entry WHERE type = 'Ticket'
                     ORDER BY global_index LIMIT ?""")) {
            select.setInt(1, samples);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    byte[] payload = rows.getBytes(2);
                    byte[] metaData = rows.getBytes(3);
                    if (encrypted(type, payload)) {
                        continue;
                    }
                    Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                            new SimpleSerializedType(type, null)));
                    Object meta = serializer.deserialize(new SimpleSerializedObject<>(metaData, byte[].class,
                            new SimpleSerializedType(MetaData.class.getName(), null)));
                    if (!Arrays.equals(payload, serializer.serialize(event, byte[].class).getData())
                            || !Arrays.equals(metaData, serializer.serialize(meta, byte[].class).getData())) {
                        throw new IllegalStateException("the generator would not write what the command side "
                                + "writes: " + type + " " + new String(payload) + " " + new String(metaData));
                    }
                    compared++;
                }
            }
        }
        if (compared == 0) {
            throw new IllegalStateException("no event of the command side to compare the generator's with");
        }
        return compared;
    }

    /** Whether the payload holds encrypted personal data; the first encrypted reporter is kept to be reused. */
    private boolean encrypted(String type, byte[] payload) {
        try {
            JsonNode tree = objectMapper.readTree(payload);
            JsonNode reporter = tree.path("reporter");
            if (type.equals(TicketOpened.class.getName()) && reporter.path("email").has("ciphertext")) {
                if (encryptedReporter == null) {
                    encryptedReporter = reporter;
                }
                return true;
            }
            // a marked note, or a client's focal point: personal data the generator never writes
            return tree.path("text").has("ciphertext") || tree.path("focalPointEmail").has("ciphertext")
                    || tree.path("focalPointName").has("ciphertext");
        } catch (IOException e) {
            throw new UncheckedIOException("a stored payload is not JSON", e);
        }
    }

    /** The event's payload as the command side would store it (its encrypted reporter, if it encrypts). */
    private byte[] payload(TicketEvent event) {
        JsonNode reporter = encryptedReporter;
        if (reporter == null || !(event instanceof TicketOpened)) {
            return serializer.serialize(event, byte[].class).getData();
        }
        try {
            ObjectNode tree = objectMapper.valueToTree(event);
            tree.set("reporter", reporter);
            return objectMapper.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("an event could not be written", e);
        }
    }

    /**
     * Opened and assigned at L1: tickets waiting in the L1 queue. Two events each. Their titles and descriptions
     * are a desk's words, in Spanish and English, drawn from the number ({@link DeskWords}), so that the benchmark
     * can search them.
     */
    long openTickets(int tickets, int threads) throws InterruptedException {
        return write(tickets, threads, (ticket, number, start) -> List.of(
                new Written(new TicketOpened(ticket, number, "acme", REPORTER, "mail", DeskWords.title(number),
                        DeskWords.description(number), 1, null, TicketType.INCIDENT, priority(number), null),
                        client(), start),
                new Written(new TicketAssigned(ticket, "ana", null, SupportLevel.L1), operator(),
                        start.plusMillis(1))));
    }

    /**
     * Whole lifecycles: open, assign, a public and an internal note, escalate to L2, assign,
     * pending closure, accepted. Eight events each.
     */
    long closedLifecycles(int tickets, int threads) throws InterruptedException {
        return write(tickets, threads, (ticket, number, start) -> List.of(
                new Written(new TicketOpened(ticket, number, "acme", REPORTER, "mail", "Printer on fire",
                        "generated", 3, null, TicketType.INCIDENT, priority(number), null), client(), start),
                new Written(new TicketAssigned(ticket, "ana", null, SupportLevel.L1), operator(),
                        start.plusMillis(1)),
                new Written(new NoteAdded(ticket, "Looking into it", Visibility.PUBLIC), engineer("ana", "L1"),
                        start.plusMillis(2)),
                new Written(new NoteAdded(ticket, "Firmware, probably", Visibility.INTERNAL),
                        engineer("ana", "L1"), start.plusMillis(3)),
                new Written(new TicketEscalated(ticket, number, "acme", "Printer on fire", priority(number),
                        SupportLevel.L1, SupportLevel.L2, "needs a firmware specialist", null, null),
                        engineer("ana", "L1"), start.plusMillis(4)),
                new Written(new TicketAssigned(ticket, "bruno", null, SupportLevel.L2), engineer("bruno", "L2"),
                        start.plusMillis(5)),
                new Written(new TicketPendingClosure(ticket, "Firmware updated"), engineer("bruno", "L2"),
                        start.plusMillis(6)),
                new Written(new ClosureAccepted(ticket, null), client(), start.plusMillis(7))));
    }

    private static Priority priority(String number) {
        return Priority.values()[Math.floorMod(number.hashCode(), Priority.values().length)];
    }

    private static Map<String, String> client() {
        return Map.of(MetaDataKeys.USER, "acme-1", MetaDataKeys.ROLE, Role.CLIENT.name(),
                MetaDataKeys.ORGANISATION, "acme");
    }

    private static Map<String, String> operator() {
        return Map.of(MetaDataKeys.USER, "operator", MetaDataKeys.ROLE, Role.OPERATOR.name());
    }

    private static Map<String, String> engineer(String user, String level) {
        return Map.of(MetaDataKeys.USER, user, MetaDataKeys.ROLE, Role.ENGINEER.name(), MetaDataKeys.LEVEL, level);
    }

    /** One event of a ticket's stream, with who appended it and when. */
    private record Written(TicketEvent event, Map<String, String> actor, Instant at) {
    }

    @FunctionalInterface
    private interface Lifecycle {
        List<Written> of(UUID ticket, String number, Instant start);
    }

    private long write(int tickets, int threads, Lifecycle lifecycle) throws InterruptedException {
        AtomicLong written = new AtomicLong();
        AtomicLong remaining = new AtomicLong(tickets);
        List<Thread> writers = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                    connection.setAutoCommit(false);
                    long batch;
                    while ((batch = take(remaining)) > 0) {
                        written.addAndGet(writeBatch(connection, (int) batch, lifecycle));
                    }
                } catch (SQLException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(new IllegalStateException("the generator failed", e));
                    }
                }
            }, "generator-" + i);
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return written.get();
    }

    private static long take(AtomicLong remaining) {
        while (true) {
            long left = remaining.get();
            long batch = Math.min(left, TICKETS_PER_TRANSACTION);
            if (batch == 0 || remaining.compareAndSet(left, left - batch)) {
                return batch;
            }
        }
    }

    private int writeBatch(Connection connection, int tickets, Lifecycle lifecycle) throws SQLException {
        List<String> numbers = numbers(connection, tickets);
        int events = 0;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Ticket', ?, ?, NULL, ?, ?)""")) {
            for (String number : numbers) {
                UUID ticket = UUID.randomUUID();
                // Stamped when written, as the command side stamps its appends. Stamps from the past would look
                // to Axon like appends that stayed uncommitted for ages: the gaps the generator's concurrent
                // transactions leave for a moment would be given up on, and their events never projected.
                Instant start = Instant.now();
                long sequence = 0;
                for (Written event : lifecycle.of(ticket, number, start)) {
                    Map<String, String> metaData = new HashMap<>(event.actor());
                    metaData.put(MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString());
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, ticket.toString());
                    insert.setLong(3, sequence++);
                    insert.setString(4, DateTimeUtils.formatInstant(event.at()));
                    insert.setString(5, event.event().getClass().getName());
                    insert.setBytes(6, payload(event.event()));
                    insert.setBytes(7, serializer.serialize(MetaData.from(metaData), byte[].class).getData());
                    insert.addBatch();
                    events++;
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        return events;
    }

    private static List<String> numbers(Connection connection, int count) throws SQLException {
        List<String> numbers = new ArrayList<>(count);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT nextval('ticket_number_seq') FROM generate_series(1, " + count + ")")) {
            while (rows.next()) {
                numbers.add(String.format("TCK-%06d", rows.getLong(1)));
            }
        }
        return numbers;
    }
}
