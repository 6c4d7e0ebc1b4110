package com.ticketledger.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Speaks the REST contract as the demo users do. */
final class Desk {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer; status 0 when the server could not be reached at all. */
    record Answer(int status, String contentType, String body, long position) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Desk(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer post(String user, String path, String body, String correlationId) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return send(request.build());
    }

    Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long position = response.headers().firstValue("X-Ledger-Position").map(Long::parseLong).orElse(-1L);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), position);
        } catch (IOException e) {
            return new Answer(0, "", e.getClass().getSimpleName(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted", -1);
        }
    }
}
