package com.ticketledger.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Clients driving ticket lifecycles (open, assign, two notes, pending closure, accept), each request with a
 * correlation id of its own, remembering what was sent and what was acknowledged.
 */
final class Load {

    /** A command the ledger answered with 2xx: its event must be in the ledger. */
    record Acknowledged(UUID ticket, long version, String correlationId) {
    }

    /** An answer and when its request was sent and answered (System.nanoTime). */
    record Exchange(long sentAt, long answeredAt, Desk.Answer answer) {
    }

    final Set<String> sent = ConcurrentHashMap.newKeySet();
    final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final Desk desk;

    Load(Desk desk) {
        this.desk = desk;
    }

    /** Runs {@code clients} clients for {@code duration}, then returns. */
    void run(int clients, Duration duration) {
        repeat(clients, duration, this::lifecycle);
    }

    /** {@code clients} threads, each doing {@code work} again and again until {@code duration} has passed. */
    static void repeat(int clients, Duration duration, Runnable work) {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    work.run();
                }
            }, "client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void lifecycle() {
        Desk.Answer opened = send("acme-1", "/api/tickets", """
                {"clientId":"acme","type":"INCIDENT","priority":"HIGH","title":"Fault run","description":"load",
                 "reporter":{"name":"Load","email":"load@acme.example"}}""");
        if (!opened.ok()) {
            pause();
            return;
        }
        String ticket = "/api/tickets/" + opened.json().get("ticketId").asText();
        String[][] steps = {
                {"operator", "/assignment", "{\"engineer\":\"ana\"}"},
                {"ana", "/notes", "{\"text\":\"looking\"}"},
                {"ana", "/notes", "{\"text\":\"found it\",\"visibility\":\"INTERNAL\"}"},
                {"ana", "/pending-closure", "{\"resolution\":\"fixed\"}"},
                {"acme-1", "/acceptance", null}};
        for (String[] step : steps) {
            if (!send(step[0], ticket + step[1], step[2]).ok()) {
                pause();
                return;
            }
        }
    }

    private Desk.Answer send(String user, String path, String body) {
        String correlationId = UUID.randomUUID().toString();
        sent.add(correlationId);
        long sentAt = System.nanoTime();
        Desk.Answer answer = desk.post(user, path, body, correlationId);
        exchanges.add(new Exchange(sentAt, System.nanoTime(), answer));
        if (answer.ok()) {
            acknowledged.add(new Acknowledged(UUID.fromString(answer.json().get("ticketId").asText()),
                    answer.json().get("version").asLong(), correlationId));
        }
        return answer;
    }

    /** After a failure (the side or the database is down), do not spin. */
    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
}
