package com.ticketledger.query.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs a notification to its webhook as JSON, signed: {@code X-Ledger-Timestamp} is the time of sending (Unix
 * seconds) and {@code X-Ledger-Signature: sha256=<hex>} the HMAC-SHA256, keyed with the subscription's secret, of
 * {@code <timestamp>.<body>}; so a receiver can check both who sent it and that it is not an old delivery played
 * again. Any 2xx answer is a delivery; anything else, or no answer within the timeout, is a failed attempt.
 */
@Component
class WebhookDelivery {

    static final String SIGNATURE = "X-Ledger-Signature";
    static final String TIMESTAMP = "X-Ledger-Timestamp";

    private final NotificationProperties properties;
    private final MessageTemplates templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    WebhookDelivery(NotificationProperties properties, MessageTemplates templates, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void deliver(Outbox.Claimed notification) throws IOException, InterruptedException {
        NotificationProperties.Webhook webhook = properties.webhooks().stream()
                .filter(w -> w.url().toString().equals(notification.recipient())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no webhook subscription for " + notification.recipient()
                        + " is configured any more"));
        String body = body(notification);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(notification.recipient()))
                .timeout(properties.delivery().timeout())
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(webhook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }

    private String body(Outbox.Claimed notification) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", notification.id());
        body.put("kind", notification.kind());
        body.put("ticketId", notification.ticketId());
        body.put("createdAt", notification.createdAt().toString());
        body.put("link", templates.link(notification.kind(), notification.facts()));
        body.put("ticket", notification.facts());
        return json.writeValueAsString(body);
    }

    /** The hex HMAC-SHA256 of {@code <timestamp>.<body>} keyed with {@code secret}. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
