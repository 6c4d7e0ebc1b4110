package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side started for real on a random port, over a real PostgreSQL (zonky), with the demo users of
 * the embedded default. Tests speak plain HTTP to it and read what the ledger holds with SQL. Metrics are
 * exported as in production (a test context leaves them out unless told so).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("embedded")
abstract class CommandSideIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedDatabase.forTests().jdbcUrl());
        registry.add("spring.datasource.username", () -> EmbeddedDatabase.USER);
    }

    @LocalServerPort
    int port;

    /** The management server's: metrics, Prometheus, health with details; no credentials. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        UUID ticketId() {
            return UUID.fromString(json().get("ticketId").asText());
        }
    }

    Answer post(String user, String path, String body, String... headers) {
        return postTo(port, user, path, body, headers);
    }

    /** A JSON POST to another command-side instance, listening on {@code serverPort}. */
    Answer postTo(int serverPort, String user, String path, String body, String... headers) {
        return send(serverPort, user, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), "application/json", headers);
    }

    /** A JSON PUT (the client register's contract and contacts) as {@code user}, with headers as name, value pairs. */
    Answer put(String user, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return execute(request.build());
    }

    /**
     * The terms of an SLA policy as a request writes them: docs/domain.md's calendars with the demo premium's shorter
     * targets, and {@code autoAcceptAfter} as given.
     */
    static String policyTerms(String autoAcceptAfter) {
        return """
                {"officeCalendar":"business-hours",
                 "calendars":{"business-hours":{"zone":"America/Argentina/Buenos_Aires",
                    "days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opens":"09:00","closes":"18:00",
                    "holidays":["2026-12-25","2027-01-01"]},
                  "always":{"zone":"America/Argentina/Buenos_Aires","twentyFourSeven":true}},
                 "priorities":{"CRITICAL":{"response":"1h","resolution":"4h","update":"30m","calendar":"always"},
                  "HIGH":{"response":"2h","resolution":"6h","update":"2h","calendar":"business-hours"},
                  "MEDIUM":{"response":"4h","resolution":"2d","update":"4h","calendar":"business-hours"},
                  "LOW":{"response":"1d","resolution":"5d","update":"1d","calendar":"business-hours"}},
                 "autoAcceptAfter":"%s","reopenWindow":"P30D","atRiskPercent":80}""".formatted(autoAcceptAfter);
    }

    /** A body of {@code POST /api/sla-policies} defining {@code name}. */
    static String policyDefinition(String name) {
        return "{\"name\":\"" + name + "\",\"terms\":" + policyTerms("5d") + ",\"reason\":\"a test's policy\"}";
    }

    /** The number of events (versions) in the stream of the SLA policy {@code name}. */
    long policyEventCount(String name) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :p")
                .param("p", "sla-policy:" + name).query(Long.class).single();
    }

    /** The number of events in the stream of the client {@code clientId}. */
    long clientEventCount(String clientId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :c")
                .param("c", "client:" + clientId).query(Long.class).single();
    }

    /**
     * Registers a client with a contract from {@code from} to {@code to} (ISO days, in Buenos Aires), unless it is
     * registered already: tests that open tickets for a client of their own call it once.
     */
    void registerClient(String clientId, String from, String to) {
        Answer registered = post("operator", "/api/clients", """
                {"clientId":"%s","name":"%s S.A.","language":"es-AR","timeZone":"America/Argentina/Buenos_Aires"}"""
                .formatted(clientId, clientId));
        if (registered.status() == 409) {
            return;
        }
        if (registered.status() != 201) {
            throw new AssertionError("registration failed: " + registered);
        }
        if (from != null) {
            Answer contract = put("operator", "/api/clients/" + clientId + "/contract", """
                    {"from":"%s","to":"%s","slaPolicy":"standard","onSiteSupport":true}""".formatted(from, to));
            if (contract.status() != 200) {
                throw new AssertionError("contract failed: " + contract);
            }
        }
    }

    Answer postBytes(String user, String path, byte[] body, String contentType, String... headers) {
        return send(port, user, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, headers);
    }

    /** One part of a multipart form: a field when {@code fileName} is null, else a file. */
    record Part(String name, String fileName, String contentType, byte[] content) {

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, "application/octet-stream", content);
        }
    }

    static final String BOUNDARY = "----ledger-test-boundary-7f3a";

    static byte[] multipart(List<Part> parts) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                    + part.name() + "\"");
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append("\"");
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A multipart POST (an attachment) as {@code user}, with further headers as name, value pairs. */
    Answer postMultipart(String user, String path, List<Part> parts, String... headers) {
        return postBytes(user, path, multipart(parts), "multipart/form-data; boundary=" + BOUNDARY, headers);
    }

    long blobCount() {
        return jdbc.sql("SELECT count(*) FROM attachment_blob").query(Long.class).single();
    }

    Answer get(String user, String path) {
        return get(port, user, path);
    }

    /** A GET on the management server, without credentials. */
    Answer management(String path) {
        return get(managementPort, null, path);
    }

    private Answer get(int serverPort, String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        return execute(request.build());
    }

    private Answer send(int serverPort, String user, String path, HttpRequest.BodyPublisher body,
            String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return execute(request.build());
    }

    Answer execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String openBody(String clientId) {
        return """
                {"clientId":"%s","type":"INCIDENT","priority":"HIGH","title":"VPN down",
                 "description":"Nobody at the branch can connect","reporter":{"name":"Marta","email":"marta@acme.example"},
                 "affectedService":"vpn-gw-01","affectedUsers":40,"occurredAt":"2026-11-24T08:30:00Z","channel":"PHONE"}"""
                .formatted(clientId);
    }

    UUID openTicket(String user, String clientId) {
        Answer opened = post(user, "/api/tickets", openBody(clientId));
        if (opened.status() != 201) {
            throw new AssertionError("open failed: " + opened);
        }
        return opened.ticketId();
    }

    UUID assignedTicket() {
        UUID ticket = openTicket("operator", "acme");
        Answer assigned = post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}");
        if (assigned.status() != 200) {
            throw new AssertionError("assignment failed: " + assigned);
        }
        return ticket;
    }

    long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    long eventCount(UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :t")
                .param("t", ticket.toString()).query(Long.class).single();
    }

    List<String> eventTypes(UUID ticket) {
        return jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :t
                        ORDER BY sequence_number""")
                .param("t", ticket.toString())
                .query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    List<Long> sequences(UUID ticket) {
        return jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = :t "
                        + "ORDER BY sequence_number")
                .param("t", ticket.toString()).query(Long.class).list();
    }

    JsonNode metaData(UUID ticket, long sequence) {
        return stored("meta_data", ticket, sequence);
    }

    /** The ticket's event at {@code sequence} as the ledger holds it (JSON). */
    JsonNode payload(UUID ticket, long sequence) {
        return stored("payload", ticket, sequence);
    }

    private JsonNode stored(String column, UUID ticket, long sequence) {
        byte[] raw = jdbc.sql("SELECT " + column + " FROM domain_event_entry WHERE aggregate_identifier = :t "
                        + "AND sequence_number = :s")
                .param("t", ticket.toString()).param("s", sequence).query(byte[].class).single();
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
