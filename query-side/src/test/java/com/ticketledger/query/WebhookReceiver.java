package com.ticketledger.query;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test deployment's webhook: a local HTTP receiver that checks each delivery's signature and timestamp as a
 * real receiver would, and can play a webhook that is down. One for the whole test run, so that every test query
 * side names the same subscription (any of them may decide a notification).
 */
final class WebhookReceiver {

    static final String SECRET = "webhook-secret";

    /** A delivery received: its body, and whether its signature and timestamp were right. */
    record Received(String body, boolean signed) {
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /**
     * How many more deliveries mentioning a text (a ticket's id) are answered 503, as a webhook that is down for
     * them: by text, since the notifications of other tests' tickets arrive here too.
     */
    private static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();
    private static final HttpServer SERVER = start();

    private WebhookReceiver() {
    }

    /** The next {@code times} deliveries whose body mentions {@code text} are refused with 503. */
    static void refuse(String text, int times) {
        REFUSALS.put(text, new AtomicInteger(times));
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/hook";
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String timestamp = exchange.getRequestHeaders().getFirst("X-Ledger-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Ledger-Signature");
                int status = REFUSALS.entrySet().stream().anyMatch(refusal -> body.contains(refusal.getKey())
                        && refusal.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0) ? 503 : 204;
                if (status == 204) {
                    RECEIVED.add(new Received(body, timestamp != null
                            && ("sha256=" + hmac(timestamp + "." + body)).equals(signature)
                            && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
