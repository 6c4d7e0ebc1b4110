package com.ticketledger.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./ledger faults}: the whole stack as three processes on ports of their own, over a fresh
 * embedded PostgreSQL, under client load, with faults:
 * <ol>
 * <li>the command side killed with SIGKILL in the middle of the load, and started again;</li>
 * <li>PostgreSQL stopped for 10 s under load, then started again, with neither side restarted;</li>
 * <li>the query side killed while catching up, and again in the middle of a rebuild.</li>
 * </ol>
 * Then the ledger is checked through its own audit API: every acknowledged command has its event (same
 * correlation id, same sequence), no event exists that was not asked for, every chain verifies, nothing was
 * acknowledged during the outage, and projections after the crashes equal a fresh rebuild.
 * Environment: FAULT_CLIENTS (8), FAULT_PHASE_SECONDS (30).
 */
public final class FaultRun {

    private final Map<String, String> results = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private boolean failed;

    public static void main(String[] args) throws Exception {
        System.exit(new FaultRun().run() ? 0 : 1);
    }

    private void check(String name, boolean passed, String detail) {
        results.put(name, (passed ? "PASS" : "FAIL") + "  " + detail);
        failed |= !passed;
    }

    boolean run() throws IOException {
        int clients = Integer.parseInt(System.getenv().getOrDefault("FAULT_CLIENTS", "8"));
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("FAULT_PHASE_SECONDS", "30")));
        Path data = Files.createTempDirectory("ledger-faults");
        long started = System.nanoTime();
        say("data and logs in " + data);
        try (Stack stack = new Stack(Path.of("").toAbsolutePath(), data, 55491, 18080, 18081)) {
            stack.startDatabase();
            stack.startCommandSide();
            stack.startQuerySide();
            Desk command = new Desk(stack.commandPort);
            Desk query = new Desk(stack.queryPort);

            say("phase 1: " + clients + " clients for " + phase.toSeconds() + " s; the command side is killed halfway");
            Load commandCrash = new Load(command);
            Thread killer = new Thread(() -> {
                sleep(phase.dividedBy(2));
                stack.kill("command-side");
                figures.put("command side killed (SIGKILL)", 1);
                stack.startCommandSide();
            });
            killer.start();
            commandCrash.run(clients, phase);
            join(killer);

            say("phase 2: PostgreSQL stopped for 10 s under load; neither side is restarted");
            Load outage = new Load(command);
            AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicLong restartingAt = new AtomicLong(Long.MAX_VALUE);
            AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
            Thread database = new Thread(() -> {
                sleep(phase.dividedBy(3));
                stack.stop("postgres");
                stoppedAt.set(System.nanoTime());
                sleep(Duration.ofSeconds(10));
                restartingAt.set(System.nanoTime());
                stack.startDatabase();
                restartedAt.set(System.nanoTime());
            });
            database.start();
            outage.run(clients, phase.plusSeconds(10));
            join(database);
            checkOutage(outage, stoppedAt.get(), restartingAt.get(), restartedAt.get());

            awaitCaughtUp(query);
            List<Load> loads = List.of(commandCrash, outage);
            checkLedger("after the command-side crash and the outage", query, loads);

            say("phase 3: the query side killed while catching up, then in the middle of a rebuild");
            stack.kill("query-side");
            Load burst = new Load(command);
            burst.run(clients, Duration.ofSeconds(10));
            stack.startQuerySide();
            stack.kill("query-side");
            figures.put("query side killed (SIGKILL)", 2);
            stack.startQuerySide();
            awaitCaughtUp(query);
            Map<String, JsonNode> afterCrash = snapshot(query);
            for (String projection : List.of("ticket-status", "ticket-history", "reports")) {
                Desk.Answer rebuilding = query.post("operator", "/api/admin/projections/" + projection + "/rebuild",
                        null, null);
                if (rebuilding.status() != 202) {
                    throw new IllegalStateException("the rebuild of " + projection + " was not started: "
                            + rebuilding.status());
                }
            }
            Stack.await("a rebuild under way", () -> replaying(query), Duration.ofSeconds(30));
            stack.kill("query-side");
            stack.startQuerySide();
            awaitCaughtUp(query);
            Map<String, JsonNode> rebuilt = snapshot(query);
            check("projections after crashes equal a fresh rebuild", afterCrash.equals(rebuilt),
                    afterCrash.size() + " documents compared (status pages, histories, backlog)"
                            + (afterCrash.equals(rebuilt) ? "" : "; differing: " + differing(afterCrash, rebuilt)));
            checkLedger("at the end", query, List.of(commandCrash, outage, burst));
        } catch (RuntimeException e) {
            check("the run itself", false, e.toString());
        }
        figures.put("run time (s)", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        summary();
        return !failed;
    }

    private void checkOutage(Load outage, long stoppedAt, long restartingAt, long restartedAt) {
        long during = 0;
        long acknowledgedDuring = 0;
        long notProblems = 0;
        long firstAfter = Long.MAX_VALUE;
        for (Load.Exchange exchange : outage.exchanges) {
            if (exchange.sentAt() > stoppedAt && exchange.answeredAt() < restartingAt) {
                during++;
                if (exchange.answer().ok()) {
                    acknowledgedDuring++;
                }
                if (exchange.answer().status() != 503 || !exchange.answer().contentType().startsWith("application/problem+json")) {
                    notProblems++;
                }
            }
            if (exchange.answer().ok() && exchange.sentAt() > restartedAt) {
                firstAfter = Math.min(firstAfter, exchange.answeredAt());
            }
        }
        figures.put("requests during the outage", during);
        check("nothing acknowledged while PostgreSQL was down", during > 0 && acknowledgedDuring == 0,
                during + " requests during the outage, " + acknowledgedDuring + " acknowledged");
        check("every request during the outage got 503 problem+json", during > 0 && notProblems == 0,
                notProblems + " other answers");
        boolean recovered = firstAfter != Long.MAX_VALUE;
        check("the command side recovered by itself", recovered, recovered
                ? "first 2xx " + Duration.ofNanos(firstAfter - restartedAt).toMillis() + " ms after PostgreSQL was back"
                : "no 2xx after the restart");
    }

    /** Every acknowledged command's event is there; every event was asked for; every chain verifies. */
    private void checkLedger(String when, Desk query, List<Load> loads) {
        Set<String> sent = new HashSet<>();
        List<Load.Acknowledged> acknowledged = new ArrayList<>();
        long requests = 0;
        for (Load load : loads) {
            sent.addAll(load.sent);
            acknowledged.addAll(load.acknowledged);
            requests += load.exchanges.size();
        }
        Map<UUID, Map<Long, String>> ledger = new HashMap<>();
        long events = 0;
        long phantoms = 0;
        long brokenChains = 0;
        for (UUID ticket : allTickets(query)) {
            Map<Long, String> stream = new HashMap<>();
            for (JsonNode event : query.get("auditor", "/api/audit/tickets/" + ticket + "/events").json()) {
                String correlationId = event.get("metadata").get("correlationId").asText();
                stream.put(event.get("sequence").asLong(), correlationId);
                events++;
                if (!sent.contains(correlationId)) {
                    phantoms++;
                }
            }
            ledger.put(ticket, stream);
            if (!query.get("auditor", "/api/audit/tickets/" + ticket + "/verify").json().get("valid").asBoolean()) {
                brokenChains++;
            }
        }
        long lost = acknowledged.stream().filter(ack -> !ack.correlationId().equals(
                ledger.getOrDefault(ack.ticket(), Map.of()).get(ack.version()))).count();
        figures.put("requests sent", requests);
        figures.put("acknowledged (2xx)", acknowledged.size());
        figures.put("events checked", events);
        figures.put("tickets checked", ledger.size());
        check(when + ": every acknowledged command has its event (lost: " + lost + ")", lost == 0 && !acknowledged.isEmpty(),
                acknowledged.size() + " acknowledged, " + lost + " missing");
        check(when + ": no event without a request", phantoms == 0, phantoms + " events with an unknown correlation id");
        check(when + ": every ticket's chain verifies", brokenChains == 0, ledger.size() + " chains, " + brokenChains + " broken");
    }

    private static List<UUID> allTickets(Desk query) {
        List<UUID> tickets = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = query.get("operator", "/api/tickets?limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(item -> tickets.add(UUID.fromString(item.get("ticketId").asText())));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return tickets;
    }

    /** Everything the projections answer: every status page, the first 100 histories, the backlog. */
    private static Map<String, JsonNode> snapshot(Desk query) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<UUID> tickets = allTickets(query);
        String cursor = null;
        int page = 0;
        do {
            JsonNode items = query.get("operator", "/api/tickets?limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            documents.put("tickets page " + page++, items.get("items"));
            cursor = items.get("nextCursor").isNull() ? null : items.get("nextCursor").asText();
        } while (cursor != null);
        for (UUID ticket : tickets.subList(0, Math.min(100, tickets.size()))) {
            documents.put("history " + ticket, query.get("operator", "/api/tickets/" + ticket + "/history").json());
        }
        ObjectNode backlog = (ObjectNode) query.get("analyst", "/api/reports/backlog").json();
        backlog.remove("asOf");
        documents.put("backlog", backlog);
        return documents;
    }

    private static List<String> differing(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<String> keys = new ArrayList<>();
        a.forEach((key, value) -> {
            if (!value.equals(b.get(key))) {
                keys.add(key);
            }
        });
        return keys.subList(0, Math.min(5, keys.size()));
    }

    private static boolean replaying(Desk query) {
        for (JsonNode projection : query.get("analyst", "/api/admin/projections").json()) {
            if (projection.get("replaying").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static void awaitCaughtUp(Desk query) {
        Stack.await("the projections to catch up", () -> {
            for (JsonNode projection : query.get("analyst", "/api/admin/projections").json()) {
                if (projection.get("lag").asLong() > 0 || projection.get("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(180));
    }

    private void summary() {
        System.out.println();
        System.out.println("=== fault run summary ===");
        figures.forEach((name, value) -> System.out.printf("  %-40s %s%n", name, value));
        results.forEach((name, result) -> System.out.printf("  %s  %s%n", result.substring(0, 4),
                name + ": " + result.substring(6)));
        long passed = results.values().stream().filter(result -> result.startsWith("PASS")).count();
        System.out.println("fault run: " + passed + " passed, " + (results.size() - passed) + " failed");
    }

    private static void say(String message) {
        System.out.println("[faults] " + message);
    }

    private static void sleep(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
