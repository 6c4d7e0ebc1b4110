package com.ticketledger.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.embeddeddb.StatementCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./ledger bench}: the ledger's speed beside a raw PostgreSQL baseline measured in the same run, on
 * the same database, at the same concurrency. Prints figures and ratios; it is a measurement, not a test.
 * <ol>
 * <li>baseline: single-row INSERT transactions of event-sized rows; a sequential read of the event table;</li>
 * <li>ticket lifecycles over HTTP (open, assign, two notes, escalate, assign, pending closure, accept):
 * commands/s and p50/p95/p99 per command type, and the projection lag (command answered → status view
 * shows it, via minPosition); then at half the clients, the latency of every command and the lag again; then
 * one client alone;</li>
 * <li>the ledger loaded by {@link LedgerGenerator} to each size of BENCH_LEDGER_SIZES, with BENCH_OPEN_TICKETS
 * tickets waiting in the L1 queue: at each size, a 200-event ticket's history and the L1 queue, p99, and how
 * that grows from the first size to the last, and (once the signed checkpoints hold every event) the time of
 * GET /api/audit/ledger/verify, printed as "verify N events: X s"; at the first size and at the last, a full
 * rebuild of each projection of BENCH_REBUILD in events/s beside a raw sequential read of the event table, and its
 * CPU per event. Before the first size, with BENCH_OPEN_TICKETS tickets of a desk's words, full-text searches (p99
 * of each).</li>
 * <li>with the query side stopped: PostgreSQL's statements and transactions per command type, then the lifecycles
 * at the full load on the command path alone (no projection, no e-mail): its commands/s and CPU per command, and
 * by difference what the projections and the e-mails cost a command under the full load.</li>
 * </ol>
 * Environment: BENCH_CLIENTS (8), BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (600: the longest warm-up; it ends
 * sooner once the sides' JIT compilers have settled), BENCH_LEDGER_SIZES
 * (1000000,5000000; empty: commands only), BENCH_OPEN_TICKETS (100000), BENCH_REBUILD (ticket-status; the
 * projections rebuilt, comma-separated; empty: none), and the run's own ports BENCH_DB_PORT (55492),
 * BENCH_COMMAND_PORT (18090), BENCH_QUERY_PORT (18091), so that two runs can share a machine for profiling.
 */
public final class Benchmark {

    /** The least warm-up, before the JIT compilers' share is first looked at. */
    private static final Duration WARM_UP_LEAST = Duration.ofSeconds(60);
    /** How long each later round of the warm-up runs before the share is looked at again. */
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(20);
    /** The JIT compilers' share of the sides' CPU at or under which two rounds in a row end the warm-up. */
    private static final double SETTLED_JIT_SHARE = 0.10;

    private static final int GENERATOR_THREADS = 2;
    /** Below this much free disk space a run warns that its figures cannot be trusted. */
    private static final long LOW_DISK_GIGABYTES = 10;

    /** Commands of each type counted by {@link #roundTrips}. */
    private static final int COUNTED = 200;

    private final Map<String, String> figures = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    void run() throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
        Duration seconds = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "30")));
        List<Long> ledgerSizes = Arrays.stream(System.getenv().getOrDefault("BENCH_LEDGER_SIZES", "1000000,5000000")
                .split(",")).map(String::trim).filter(size -> !size.isEmpty()).map(Long::parseLong).sorted().toList();
        int openTickets = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN_TICKETS", "100000"));
        List<String> rebuilt = Arrays.stream(System.getenv().getOrDefault("BENCH_REBUILD", "ticket-status")
                .split(",")).map(String::trim).filter(projection -> !projection.isEmpty()).toList();
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "600")));
        Path data = Files.createTempDirectory("ledger-bench");
        say("data and logs in " + data + "; " + clients + " clients, " + seconds.toSeconds() + " s per phase");
        long freeGigabytes = Files.getFileStore(data).getUsableSpace() >> 30;
        figure("free disk space where the data goes, GiB", freeGigabytes);
        if (freeGigabytes < LOW_DISK_GIGABYTES) {
            // a disk that fills up stalls PostgreSQL for tens of seconds at a time (session 13): the figures lie
            say("WARNING: under " + LOW_DISK_GIGABYTES + " GiB free; a ledger of 1 M events takes about 8, and a "
                    + "database writing to a nearly full disk stalls: free some space (earlier runs' data directories"
                    + " under " + data.getParent() + "?)");
        }
        say("machine: " + MachineFacts.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + "Java " + Runtime.version());
        double reference = MachineFacts.referenceWorkMicros();
        figure("reference work, µs per unit on one core (an event's JSON written, read and hashed)",
                String.format("%.2f", reference));
        try (Stack stack = new Stack(Path.of("").toAbsolutePath(), data, port("BENCH_DB_PORT", 55492),
                port("BENCH_COMMAND_PORT", 18090), port("BENCH_QUERY_PORT", 18091))) {
            stack.startDatabase();
            stack.startCommandSide();
            stack.startQuerySide();
            String jdbcUrl = "jdbc:postgresql://localhost:" + stack.dbPort + "/postgres?user=postgres";
            Desk command = new Desk(stack.commandPort);
            Desk query = new Desk(stack.queryPort);

            warmUp(stack, command, query, clients, warmUp);

            // before the baseline, while the ledger is idle: a scrape at the load's start took a core from it
            ProjectionTimings timingsBefore = ProjectionTimings.parse(stack.queryMetrics());
            say("baseline: single-row insert transactions at " + clients + " connections");
            double rawInserts = rawInserts(jdbcUrl, clients, seconds);
            figure("raw PostgreSQL single-insert transactions/s", rawInserts);

            say("ledger: ticket lifecycles over HTTP");
            Lifecycles load = new Lifecycles(command);
            LagProbe lag = new LagProbe(command, query);
            lag.start();
            Map<String, Duration> cpuBefore = cpuUsed(stack);
            Map<String, Map<String, Duration>> jvmBefore = jvmThreadCpu(stack);
            Optional<MachineFacts.CpuTimes> machineBefore = MachineFacts.cpuTimes();
            Map<String, Duration> postgresBefore = stack.postgresCpuByKind();
            WalActivity walBefore;
            try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                StatementCounts.reset(connection);
                walBefore = WalActivity.read(connection);
            }
            long mailsBefore = stack.mailsSent();
            long started = System.nanoTime();
            load.run(clients, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;
            lag.stop();
            ProjectionTimings timingsAfter = ProjectionTimings.parse(stack.queryMetrics());
            ProjectionTimings timings = timingsAfter.since(timingsBefore);
            long mails = stack.mailsSent() - mailsBefore;
            StatementCounts.Cost stackCost;
            Map<String, Double> statementTimes;
            WalActivity wal;
            try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                stackCost = StatementCounts.since(connection, (int) load.commands.get());
                statementTimes = StatementCounts.timeSince(connection, (int) load.commands.get(), 12);
                wal = WalActivity.read(connection).minus(walBefore);
            }
            Map<String, Duration> postgresAfter = stack.postgresCpuByKind();
            Optional<MachineFacts.CpuTimes> machineAfter = MachineFacts.cpuTimes();
            Map<String, Duration> cpuAfter = cpuUsed(stack);
            Map<String, Map<String, Duration>> jvmAfter = jvmThreadCpu(stack);
            double commandsPerSecond = load.commands.get() / elapsed;
            figure("ledger commands/s", commandsPerSecond);
            figure("ledger commands/s ÷ raw inserts/s", commandsPerSecond / rawInserts);
            long cpuNanos = 0;
            Map<String, Long> cpuSpent = nanosSpent(cpuBefore, cpuAfter);
            for (Map.Entry<String, Long> process : cpuSpent.entrySet()) {
                cpuNanos += process.getValue();
                figure("CPU ms per command: " + process.getKey(), perCommand(process.getValue(), load.commands.get()));
                nanosSpent(jvmBefore.getOrDefault(process.getKey(), Map.of()),
                        jvmAfter.getOrDefault(process.getKey(), Map.of())).forEach((kind, spent) -> figure(
                                "  of which " + kind + " (live threads)", perCommand(spent, load.commands.get())));
            }
            // PostgreSQL's by kind of process (the backends, each background process, the autovacuum workers and
            // backends that exited), and what it wrote to its WAL: runs of one code have differed 0.7–1.8 ms here
            nanosSpent(postgresBefore, postgresAfter).forEach((kind, spent) -> {
                if (spent > 0) {
                    figure("  of PostgreSQL's, " + kind, String.format("%.2f", spent / 1e6 / load.commands.get()));
                }
            });
            figure("PostgreSQL's WAL per command: records, full-page images, bytes; checkpoints begun during the load",
                    wal.perCommand(load.commands.get()));
            double loadJitShare = jitShare(cpuSpent, jvmBefore, jvmAfter);
            figure("JIT share of the sides' CPU during the load, %", String.format("%.0f%s", loadJitShare * 100,
                    loadJitShare > SETTLED_JIT_SHARE ? " (still compiling: not the figures of a settled ledger)" : ""));
            int cores = Runtime.getRuntime().availableProcessors();
            figure("CPU busy during the load, % of " + cores + " cores",
                    String.format("%.0f", cpuNanos / 1e9 / elapsed / cores * 100));
            machineFigures("the machine during the load", machineBefore, machineAfter, load.commands.get());
            // to the stack's SMTP sink, in this process: its CPU is the load generator's
            figure("e-mails the query side sent during the load, per command",
                    String.format("%.2f", mails / (double) load.commands.get()));
            figure("CPU per command, all processes, in units of reference work",
                    String.format("%.0f", cpuNanos / 1e3 / load.commands.get() / reference));
            figure("reference work after the load, µs per unit", String.format("%.2f",
                    MachineFacts.referenceWorkMicros()));
            // everything PostgreSQL ran meanwhile, both sides: the commands, every projection's batches and tokens,
            // the notifications' delivery, the lag probe's reads
            figure("statements and transactions per command during the load, all sides", stackCost.brief());
            stackCost.byStatement().entrySet().stream().limit(12).forEach(statement -> say(String.format(
                    "  %.2f per command: %s", statement.getValue() / (double) load.commands.get(), statement.getKey())));
            say("PostgreSQL's time per command, the statements that took longest (a trigger's work in its statement's)");
            statementTimes.forEach((statement, micros) -> say(String.format("  %.0f µs per command: %s", micros,
                    statement)));
            load.latencies.forEach((type, values) -> figure("latency " + type + " p50/p95/p99 ms",
                    percentiles(values)));
            lagFigures("under that load", lag);
            projectionTimings("under that load", timings, elapsed);

            say("ledger: half the peak rate, for latency");
            Lifecycles half = new Lifecycles(command);
            LagProbe halfLag = new LagProbe(command, query);
            halfLag.start();
            long halfStarted = System.nanoTime();
            half.run(Math.max(1, clients / 2), Duration.ofSeconds(Math.max(10, seconds.toSeconds() / 2)));
            double halfElapsed = seconds(halfStarted);
            halfLag.stop();
            // since the full load's scrape: the ledger was idle from its end to this phase
            ProjectionTimings halfTimings = ProjectionTimings.parse(stack.queryMetrics()).since(timingsAfter);
            List<Long> all = new ArrayList<>();
            half.latencies.values().forEach(all::addAll);
            figure("all commands at half concurrency p50/p95/p99 ms", percentiles(all));
            // the full load keeps both cores busy, so its lag is mostly the projections' wait for a core
            lagFigures("at half concurrency", halfLag);
            projectionTimings("at half concurrency", halfTimings, halfElapsed);

            say("ledger: one client alone, for a lone command's latency");
            Lifecycles alone = new Lifecycles(command);
            alone.run(1, Duration.ofSeconds(Math.max(5, seconds.toSeconds() / 3)));
            List<Long> lone = new ArrayList<>();
            alone.latencies.values().forEach(lone::addAll);
            figure("lone command (1 client, warm) p50/p95/p99 ms", percentiles(lone));

            if (ledgerSizes.isEmpty()) {
                say("no BENCH_LEDGER_SIZES: no reads at size, no rebuild");
            } else {
                readsAsTheLedgerGrows(stack, command, query, jdbcUrl, ledgerSizes, openTickets, rebuilt);
            }
            roundTrips(stack, command, jdbcUrl);
            commandPathAlone(stack, command, clients, seconds, cpuNanos / (double) load.commands.get());
        } finally {
            if (!Boolean.parseBoolean(System.getenv("BENCH_KEEP_DATABASE"))) {
                deleteDatabase(data.resolve("postgres"));
            }
        }
        System.out.println();
        System.out.println("=== benchmark ===");
        figures.forEach((name, value) -> System.out.printf("  %-52s %s%n", name, value));
    }

    /**
     * Last phase: what each command type costs PostgreSQL, from pg_stat_statements ({@link StatementCounts}), with
     * the query side stopped so that only the command side's statements are counted: {@value #COUNTED} tickets
     * are opened, then each step of a lifecycle is taken on all of them, each step type counted alone.
     */
    private void roundTrips(Stack stack, Desk command, String jdbcUrl) throws SQLException {
        say("round trips per command, counted by pg_stat_statements with the query side stopped");
        stack.stop("query-side");
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            List<String> tickets = new ArrayList<>();
            StatementCounts.reset(connection);
            for (int n = 0; n < COUNTED; n++) {
                Desk.Answer opened = command.post("acme-1", "/api/tickets", Lifecycles.OPEN, null);
                tickets.add("/api/tickets/" + opened.json().get("ticketId").asText());
            }
            figure("statements and transactions per open", StatementCounts.since(connection, COUNTED).brief());
            try (Statement statement = connection.createStatement(); ResultSet size = statement.executeQuery(
                    "SELECT pg_total_relation_size('domain_event_entry') / count(*) FROM domain_event_entry")) {
                size.next();
                figure("bytes per stored event (its row, TOAST and index entries)", size.getLong(1));
            }
            for (String[] step : Lifecycles.STEPS) {
                StatementCounts.reset(connection);
                for (String ticket : tickets) {
                    command.post(step[1], ticket + step[2], step[3], null);
                }
                figure("statements and transactions per " + step[0] + " (" + step[1] + ")",
                        StatementCounts.since(connection, COUNTED).brief());
            }
        }
    }

    /**
     * Last phase, the query side still stopped: the lifecycles' commands at the full load with no projection, no
     * e-mail and no lag probe beside them. What a command costs the command side, PostgreSQL and the generator on
     * their own, and so how many commands a second the machine could take if the projections and the e-mails cost
     * nothing; beside the full load's CPU per command, what they cost.
     */
    private void commandPathAlone(Stack stack, Desk command, int clients, Duration duration, double fullLoadNanos) {
        say("ledger: the command path alone, the query side stopped (no projection, no e-mail)");
        Lifecycles alone = new Lifecycles(command);
        Map<String, Duration> cpuBefore = cpuUsed(stack);
        Optional<MachineFacts.CpuTimes> machineBefore = MachineFacts.cpuTimes();
        long started = System.nanoTime();
        alone.run(clients, duration);
        double elapsed = seconds(started);
        Optional<MachineFacts.CpuTimes> machineAfter = MachineFacts.cpuTimes();
        Map<String, Long> spent = nanosSpent(cpuBefore, cpuUsed(stack));
        long commands = alone.commands.get();
        figure("the command path alone: commands/s", commands / elapsed);
        spent.forEach((process, used) -> figure("the command path alone: CPU ms per command: " + process,
                perCommand(used, commands)));
        long total = spent.values().stream().mapToLong(Long::longValue).sum();
        figure("the command path alone: CPU ms per command, all processes", perCommand(total, commands));
        figure("the projections, e-mails and lag probes: CPU ms per command (the full load's all processes less this)",
                String.format("%.2f", (fullLoadNanos - total / (double) commands) / 1e6));
        machineFigures("the machine, the command path alone", machineBefore, machineAfter, commands);
    }

    /** How busy the machine was between two readings, how much of it in the kernel, and its context switches. */
    private void machineFigures(String label, Optional<MachineFacts.CpuTimes> before,
            Optional<MachineFacts.CpuTimes> after, long commands) {
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        figure(label + ": busy / taken by the host (steal), % of its time", String.format("%.0f / %.1f",
                after.get().busyPercentSince(before.get()), after.get().stealPercentSince(before.get())));
        figure(label + ": in the kernel, % of its busy time; context switches per command", String.format(
                "%.0f; %.1f", after.get().kernelPercentOfBusySince(before.get()),
                after.get().contextSwitchesSince(before.get()) / (double) commands));
    }

    private static String perCommand(long nanos, long commands) {
        return String.format("%.2f", nanos / 1e6 / commands);
    }

    /**
     * Phase 3: the generator loads the ledger to each size; reads timed at each, and at the first and the last a
     * rebuild of each projection of BENCH_REBUILD.
     */
    private void readsAsTheLedgerGrows(Stack stack, Desk command, Desk query, String jdbcUrl, List<Long> ledgerSizes,
            int openTickets, List<String> rebuilt) throws SQLException, InterruptedException {
        say("reads: a 200-event history and a level queue, and rebuilds, as the ledger grows");
        UUID busy = busyTicket(command);
        String history = "/api/tickets/" + busy + "/history";
        String queue = "/api/queues/L1?limit=50";
        LedgerGenerator generator = new LedgerGenerator(jdbcUrl);
        figure("generator: command-side events it writes byte for byte the same",
                generator.requireSameBytesAsTheCommandSide(1_000));
        say("generating " + openTickets + " tickets waiting in the L1 queue");
        generator.openTickets(openTickets, GENERATOR_THREADS);
        awaitCaughtUp(query);
        searches(query, jdbcUrl);
        Map<Long, Percentiles[]> readsAt = new LinkedHashMap<>();
        for (long size : ledgerSizes) {
            long missing = size - countEvents(jdbcUrl);
            if (missing > 0) {
                say("generating " + missing + " events of closed lifecycles, to " + size);
                long generating = System.nanoTime();
                long written = generator.closedLifecycles((int) ((missing + 7) / 8), GENERATOR_THREADS);
                figure("generator events/s (to " + size + ")", written / seconds(generating));
            }
            long caughtUpFrom = System.nanoTime();
            long held = awaitCaughtUpWithGenerated(query, jdbcUrl, Math.max(0, missing));
            figure("projections caught up after generating, s (to " + size + ")", seconds(caughtUpFrom));
            figure("notifications of the generated tickets held back during that catch-up (to " + size + ")", held);
            long events = countEvents(jdbcUrl);
            Percentiles historyReads = timeReads(query, history, 500);
            Percentiles queueReads = timeReads(query, queue, 500);
            readsAt.put(size, new Percentiles[] {historyReads, queueReads});
            figure("at " + events + " events: history (200 events) p50/p95/p99 ms", historyReads);
            figure("at " + events + " events: queue L1 of " + openQueue(jdbcUrl) + " p50/p95/p99 ms",
                    queueReads);
            verifyTheLedger(query, jdbcUrl);
            if (size == ledgerSizes.get(0) || size == ledgerSizes.get(ledgerSizes.size() - 1)) {
                figure("notifications of the generated tickets held back during the rebuilds (at " + events + ")",
                        holdNotificationsBack(jdbcUrl));
                double rawRead = rawSequentialRead(jdbcUrl);
                figure("raw sequential read of the event table, rows/s (at " + events + ")", rawRead);
                trackPlanning(jdbcUrl, true);
                for (String projection : rebuilt) {
                    rebuildMeasured(stack, query, jdbcUrl, projection, events, rawRead);
                }
                trackPlanning(jdbcUrl, false);
            }
        }
        if (readsAt.size() > 1) {
            Percentiles[] first = readsAt.values().iterator().next();
            Percentiles[] last = new ArrayList<>(readsAt.values()).get(readsAt.size() - 1);
            figure("history p99 growth, first → last size, %", growth(first[0], last[0]));
            figure("queue p99 growth, first → last size, %", growth(first[1], last[1]));
        }
    }

    /**
     * A full rebuild of {@code projection} (its copies filled from the first event and swapped in): events/s, beside
     * the raw read, and what each rebuilt event cost each process in CPU, and all of them together in units of the
     * reference work taken just before, so that runs compare whatever the host's speed.
     */
    private void rebuildMeasured(Stack stack, Desk query, String jdbcUrl, String projection, long events,
            double rawRead) throws InterruptedException, SQLException {
        say("rebuild of " + projection);
        double reference = MachineFacts.referenceWorkMicros();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            StatementCounts.reset(connection);
        }
        Map<String, Duration> cpuBefore = cpuUsed(stack);
        Map<String, Duration> queryThreadsBefore = stack.jvmThreadCpu("query-side");
        Map<String, Duration> postgresBefore = stack.postgresCpuByKind();
        double rebuild = rebuild(query, projection, events);
        Map<String, Duration> cpuAfter = cpuUsed(stack);
        Map<String, Duration> queryThreadsAfter = stack.jvmThreadCpu("query-side");
        Map<String, Duration> postgresAfter = stack.postgresCpuByKind();
        Map<String, Double> statementTimes;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            statementTimes = StatementCounts.timeSince(connection, (int) events, 6);
        }
        String at = projection + " at " + events + " events";
        figure("rebuild of " + at + ", events/s", rebuild);
        figure("rebuild of " + at + ", events/s ÷ raw sequential read rows/s", rebuild / rawRead);
        long cpuNanos = 0;
        for (Map.Entry<String, Long> process : nanosSpent(cpuBefore, cpuAfter).entrySet()) {
            long used = process.getValue();
            cpuNanos += used;
            figure("rebuild of " + at + ", CPU µs per event: " + process.getKey(),
                    String.format("%.1f", used / 1e3 / events));
        }
        // of the query side's, what its JIT compilers and its garbage collector took (the rest is the rebuild's
        // processor, whose threads are gone by now, and the live processors beside it)
        nanosSpent(queryThreadsBefore, queryThreadsAfter).forEach((kind, spent) -> figure(
                "  of the query side's, " + kind, String.format("%.1f", spent / 1e3 / events)));
        // PostgreSQL's by kind of process: what served the connections, and what worked in the background
        nanosSpent(postgresBefore, postgresAfter).forEach((kind, spent) -> {
            if (spent > 0) {
                figure("  of PostgreSQL's, " + kind, String.format("%.1f", spent / 1e3 / events));
            }
        });
        // where PostgreSQL's time went: the statements that took longest, in µs of execution (and planning) per
        // rebuilt event
        statementTimes.forEach((statement, micros) -> figure("  PostgreSQL µs per event in " + statement,
                String.format("%.1f", micros)));
        figure("reference work before the rebuild, µs per unit", String.format("%.2f", reference));
        figure("rebuild of " + at + ", CPU per event, all processes, in units of reference work",
                String.format("%.1f", cpuNanos / 1e3 / events / reference));
    }

    /**
     * The whole ledger recomputed against every checkpoint (GET /api/audit/ledger/verify), once the checkpoints
     * hold every event: the Merkle tree rebuilt from the stored events, each checkpoint's root and signature and
     * each kept leaf compared. Target: ≤ 10 s at 1,000,000 events. Its own client: the answer takes longer than
     * the desk's read timeout allows.
     */
    private void verifyTheLedger(Desk query, String jdbcUrl) throws SQLException, InterruptedException {
        long events = countEvents(jdbcUrl);
        long catchingUp = System.nanoTime();
        Stack.await("the checkpoints to hold " + events + " events", () -> {
            Desk.Answer latest = query.get("auditor", "/api/audit/ledger/checkpoints/latest");
            return latest.status() == 200 && latest.json().get("treeSize").asLong() >= events;
        }, Duration.ofMinutes(30));
        figure("checkpoints caught up after the reads, s (at " + events + ")", seconds(catchingUp));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + query.port
                        + "/api/audit/ledger/verify"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10)).GET().build();
        long started = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the ledger's verification failed", e);
        }
        double took = seconds(started);
        if (answer.statusCode() != 200 || !answer.body().contains("\"valid\":true")) {
            throw new IllegalStateException("the ledger did not verify: " + answer.statusCode() + " " + answer.body());
        }
        say(String.format("verify %d events: %.1f s", events, took));
        figure("verify " + events + " events, s", took);
    }

    /**
     * Full-text search with BENCH_OPEN_TICKETS tickets (100,000 by default) in the ledger, their words from
     * {@link DeskWords}: the first page (50) of representative searches, p50/p95/p99 of 200 each, and how many
     * tickets each matches. Target: p99 ≤ 50 ms.
     */
    private void searches(Desk query, String jdbcUrl) throws SQLException {
        say("searches at " + countTickets(jdbcUrl) + " tickets");
        String[][] searches = {
                {"analyst", "vpn"},
                {"analyst", "conexion"},
                {"analyst", "impresora no enciende"},
                {"analyst", "\"is down\" " + DeskWords.branch(0)},
                {"analyst", "printer or server -slow"},
                {"analyst", DeskWords.branch(1000)},
                {"acme-1", "contraseña bloqueado"},
                {"acme-1", "correo"}};
        for (String[] search : searches) {
            String path = "/api/tickets?limit=50&q=" + URLEncoder.encode(search[1], StandardCharsets.UTF_8);
            figure("search " + search[1] + " (" + search[0] + ", " + matches(jdbcUrl, search[1])
                    + " matches) p50/p95/p99 ms", timeReads(query, search[0], path, 200));
        }
    }

    private static int port(String variable, int otherwise) {
        return Integer.parseInt(System.getenv().getOrDefault(variable, Integer.toString(otherwise)));
    }

    static long countTickets(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM ticket_status")) {
            result.next();
            return result.getLong(1);
        }
    }

    static long matches(String jdbcUrl, String words) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM ticket_search WHERE desk_document @@ ticket_search_query(?)")) {
            count.setString(1, words);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Lifecycles over HTTP, timing each command by type. */
    static final class Lifecycles {
        final Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();
        final AtomicLong commands = new AtomicLong();
        private final Desk command;

        Lifecycles(Desk command) {
            this.command = command;
        }

        void run(int clients, Duration duration) {
            Load.repeat(clients, duration, this::lifecycle);
        }

        /** A ticket's life after its opening: type, user, path under the ticket, body. */
        static final String[][] STEPS = {
                {"assign", "operator", "/assignment", "{\"engineer\":\"ana\"}"},
                {"note", "ana", "/notes", "{\"text\":\"looking\"}"},
                {"note", "ana", "/notes", "{\"text\":\"found it\",\"visibility\":\"INTERNAL\"}"},
                {"escalate", "ana", "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"routing\"}"},
                {"assign", "bruno", "/assignment", "{\"engineer\":\"bruno\"}"},
                {"pending closure", "bruno", "/pending-closure", "{\"resolution\":\"fixed\"}"},
                {"accept", "acme-1", "/acceptance", null}};

        static final String OPEN = """
                {"clientId":"acme","type":"INCIDENT","priority":"HIGH","title":"Benchmark","description":"load",
                 "reporter":{"name":"Bench","email":"bench@acme.example"}}""";

        private void lifecycle() {
            Desk.Answer opened = timed("open", "acme-1", "/api/tickets", OPEN);
            if (!opened.ok()) {
                return;
            }
            String ticket = "/api/tickets/" + opened.json().get("ticketId").asText();
            for (String[] step : STEPS) {
                if (!timed(step[0], step[1], ticket + step[2], step[3]).ok()) {
                    return;
                }
            }
        }

        private Desk.Answer timed(String type, String user, String path, String body) {
            long start = System.nanoTime();
            Desk.Answer answer = command.post(user, path, body, null);
            if (answer.ok()) {
                latencies.computeIfAbsent(type, t -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - start) / 1_000);
                commands.incrementAndGet();
            }
            return answer;
        }
    }

    /**
     * A lag phase's figures: the lag of a read naming the position, its wait on the server for the projection, the
     * longest probes, and the lag a read that polls without the position sees.
     */
    private void lagFigures(String phase, LagProbe probe) {
        figure("projection lag " + phase + " p50/p95/p99 ms", percentiles(probe.lags()));
        figure("projection lag " + phase + ", its wait on the server for the projection p50/p95/p99 ms",
                percentiles(probe.projectionWaits()));
        say("  the longest: " + probe.longest(8));
        figure("projection lag " + phase + ", a read that polls without a position, p50/p95/p99 ms",
                percentiles(probe.polledLags));
    }

    /**
     * Each projection's delay and batches during a phase, as the query side measured them: what of the lag is its
     * batches and what the time before them.
     */
    private void projectionTimings(String phase, ProjectionTimings timings, double seconds) {
        timings.lines(seconds).forEach((projection, line) -> say("  " + projection + " " + phase + ": " + line));
        timings.projections().stream().filter("ticket-status"::equals).findFirst().ifPresent(status -> figure(
                "ticket-status's own delay " + phase + ", append to its batch's commit, p50/p95/p99 ms",
                String.format("%.1f / %.1f / %.1f", timings.delayMillis(status, 0.50),
                        timings.delayMillis(status, 0.95), timings.delayMillis(status, 0.99))));
    }

    /**
     * Lifecycles until the sides' JIT compilers have settled, or for {@code longest}: rounds of
     * {@link #WARM_UP_ROUND}, from the first {@link #WARM_UP_LEAST} on, until two rounds in a row in which the
     * compiler threads of both sides used at most {@link #SETTLED_JIT_SHARE} of the sides' CPU (one such round can be
     * a lull: a run that stopped after one found the compilers at work again during its load). On two busy cores the
     * compilers get a small share of the machine, and the sides' code stays in its first, slower compiled forms for
     * minutes: after 60 s of warm-up the sides used 2.6 times the CPU per command they used after 240 s
     * (docs/BENCHMARKS.md, session 14). The warm-up's length and its last round's share are printed with the figures.
     * The lag probes run throughout, their lags dropped: without them their reads' paths (a read naming a position,
     * a read that polls) were first compiled during the measured load.
     */
    private void warmUp(Stack stack, Desk command, Desk query, int clients, Duration longest)
            throws InterruptedException {
        say("warming up until the sides' JIT compilers settle (at most " + longest.toSeconds() + " s)");
        long started = System.nanoTime();
        double jitShare = 1;
        LagProbe probes = new LagProbe(command, query);
        probes.start();
        try {
            new Lifecycles(command).run(clients, longest.compareTo(WARM_UP_LEAST) < 0 ? longest : WARM_UP_LEAST);
            int settledRounds = 0;
            while (settledRounds < 2 && Duration.ofNanos(System.nanoTime() - started).compareTo(longest) < 0) {
                Map<String, Duration> cpuBefore = stack.cpuUsed();
                Map<String, Map<String, Duration>> jvmBefore = jvmThreadCpu(stack);
                new Lifecycles(command).run(clients, WARM_UP_ROUND);
                // the query side's metrics page, which the phases read, served and compiled before they are measured
                stack.queryMetrics();
                jitShare = jitShare(nanosSpent(cpuBefore, stack.cpuUsed()), jvmBefore, jvmThreadCpu(stack));
                say(String.format("  after %.0f s: the JIT compilers used %.0f %% of the sides' CPU in the last %d s",
                        seconds(started), jitShare * 100, WARM_UP_ROUND.toSeconds()));
                settledRounds = jitShare <= SETTLED_JIT_SHARE ? settledRounds + 1 : 0;
            }
        } finally {
            probes.stop();
        }
        figure("warm-up, s (JIT share of the sides' CPU in its last round, %)",
                String.format("%.0f (%.0f)", seconds(started), jitShare * 100));
    }

    /** Of the CPU both sides {@code spent} between two looks at their threads, the share of their JIT compilers. */
    private static double jitShare(Map<String, Long> spent, Map<String, Map<String, Duration>> jvmBefore,
            Map<String, Map<String, Duration>> jvmAfter) {
        long sides = 0;
        long compiling = 0;
        for (String side : jvmAfter.keySet()) {
            sides += spent.getOrDefault(side, 0L);
            compiling += nanosSpent(jvmBefore.getOrDefault(side, Map.of()), jvmAfter.get(side))
                    .getOrDefault("JIT", 0L);
        }
        return sides == 0 ? 1 : (double) compiling / sides;
    }

    /**
     * What PostgreSQL wrote to its WAL so far (pg_stat_wal) and how many checkpoints it began (pg_stat_checkpointer):
     * a page's first change after a checkpoint begins writes the whole page to the WAL, so a load that starts just
     * after one costs the server more than the same load later.
     */
    record WalActivity(long records, long fullPageImages, long bytes, long checkpoints) {

        static WalActivity read(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("""
                            SELECT w.wal_records, w.wal_fpi, w.wal_bytes::bigint, c.num_timed + c.num_requested
                            FROM pg_stat_wal w, pg_stat_checkpointer c""")) {
                row.next();
                return new WalActivity(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        }

        WalActivity minus(WalActivity before) {
            return new WalActivity(records - before.records, fullPageImages - before.fullPageImages,
                    bytes - before.bytes, checkpoints - before.checkpoints);
        }

        String perCommand(long commands) {
            return String.format("%.1f, %.2f, %,.0f; %d", records / (double) commands,
                    fullPageImages / (double) commands, bytes / (double) commands, checkpoints);
        }
    }

    /**
     * The projection lag beside the load, from a client of its own: it opens a ticket, and as soon as the
     * command answers asks the status view for it at the answer's position; the time until that read answers
     * is the lag (the read's own round trip included). A second client does the same without the position,
     * asking until the ticket is there.
     */
    static final class LagProbe {
        private static final Pattern PROJECTION_WAIT = Pattern.compile("projection;dur=([0-9.]+)");
        /**
         * The lag as a read that names no position sees it, from a second client of the probe's: it asks for its
         * ticket every 2 ms until the status view has it. A read naming the position has the projection read the
         * ledger at once; this one waits for the projection's own pace.
         */
        final Queue<Long> polledLags = new ConcurrentLinkedQueue<>();
        /** Each probe's lag, and its projection's part, with the moment its command answered. */
        private final Queue<Probe> timed = new ConcurrentLinkedQueue<>();
        private final Desk command;
        private final Desk query;
        private volatile boolean running = true;
        private final Thread thread = new Thread(() -> probe(false), "lag-probe");
        private final Thread poller = new Thread(() -> probe(true), "lag-probe-polling");

        /**
         * A read naming the position: its lag, and how long it waited on the server for its projection (its
         * Server-Timing; the rest is the way to the query side and back, and the server's own work).
         */
        private record Probe(Instant answered, long lagMicros, long waitMicros) {
        }

        LagProbe(Desk command, Desk query) {
            this.command = command;
            this.query = query;
        }

        /** The lags of the reads naming the position, in µs. */
        List<Long> lags() {
            return timed.stream().map(Probe::lagMicros).toList();
        }

        /** Of those, each read's wait on the server for its projection, in µs. */
        List<Long> projectionWaits() {
            return timed.stream().map(Probe::waitMicros).toList();
        }

        void start() {
            thread.start();
            poller.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            poller.join();
        }

        /**
         * The {@code count} longest lags, longest first, each with its wait for the projection and the UTC time its
         * command answered, to set beside the sides' logs.
         */
        String longest(int count) {
            return timed.stream()
                    .sorted(Comparator.comparingLong(Probe::lagMicros).reversed())
                    .limit(count)
                    .map(probe -> String.format("%.0f ms (its projection %.0f) at %s", probe.lagMicros() / 1e3,
                            probe.waitMicros() / 1e3, LocalTime.ofInstant(probe.answered(), ZoneOffset.UTC)))
                    .collect(Collectors.joining(", "));
        }

        private void probe(boolean polls) {
            while (running) {
                Desk.Answer opened = command.post("operator", "/api/tickets", """
                        {"clientId":"acme","type":"REQUEST","priority":"LOW","title":"Lag probe","description":"probe",
                         "reporter":{"name":"Bench","email":"bench@acme.example"}}""", null);
                if (opened.ok()) {
                    long start = System.nanoTime();
                    String ticket = "/api/tickets/" + opened.json().get("ticketId").asText();
                    Instant answered = Instant.now();
                    if (polls) {
                        poll(ticket, start);
                    } else {
                        Desk.Answer read = query.get("operator", ticket + "?minPosition=" + opened.position());
                        if (read.ok()) {
                            timed.add(new Probe(answered, (System.nanoTime() - start) / 1_000,
                                    projectionWait(read.serverTiming())));
                        }
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }

        /** The {@code projection;dur=} of a Server-Timing header, in µs (0 when it names none). */
        static long projectionWait(String serverTiming) {
            Matcher duration = PROJECTION_WAIT.matcher(serverTiming);
            return duration.find() ? Math.round(Double.parseDouble(duration.group(1)) * 1_000) : 0;
        }

        /** Asks for the ticket every 2 ms, for at most 5 s, until the status view has it. */
        private void poll(String ticket, long start) {
            long deadline = start + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                if (query.get("operator", ticket).ok()) {
                    polledLags.add((System.nanoTime() - start) / 1_000);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }
    }

    /**
     * Of each side's CPU, what its JIT compilers and its garbage collector used so far: the parts of a JVM's cost
     * per command that depend on how warm it is and on the machine rather than on the ledger's code.
     */
    private static Map<String, Map<String, Duration>> jvmThreadCpu(Stack stack) {
        return Map.of("command-side", stack.jvmThreadCpu("command-side"),
                "query-side", stack.jvmThreadCpu("query-side"));
    }

    /** The CPU time each of {@code after}'s names spent since {@code before} (all of it for a name new since), ns. */
    private static Map<String, Long> nanosSpent(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Long> spent = new LinkedHashMap<>();
        after.forEach((name, used) -> spent.put(name, used.minus(before.getOrDefault(name, Duration.ZERO)).toNanos()));
        return spent;
    }

    /** CPU used so far by each process of the stack and by this one (the load generator). */
    private static Map<String, Duration> cpuUsed(Stack stack) {
        Map<String, Duration> used = stack.cpuUsed();
        used.put("load generator (this benchmark)", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return used;
    }

    static double rawInserts(String jdbcUrl, int clients, Duration duration) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_raw_event (id BIGSERIAL PRIMARY KEY, "
                    + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, payload BYTEA NOT NULL, "
                    + "meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
        }
        byte[] payload = new byte[600];
        Arrays.fill(payload, (byte) 'x');
        AtomicLong inserted = new AtomicLong();
        Queue<Long> backends = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl);
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_event "
                             + "(aggregate_identifier, sequence_number, payload, meta_data) VALUES (?, ?, ?, ?)")) {
                    backends.add(backendPid(connection));
                    String aggregate = UUID.randomUUID().toString();
                    long sequence = 0;
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, aggregate);
                        insert.setLong(2, sequence++);
                        insert.setBytes(3, payload);
                        insert.setBytes(4, payload);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double rate = inserted.get() / ((System.nanoTime() - started) / 1e9);
        awaitGone(backends);
        return rate;
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getLong(1);
        }
    }

    /**
     * Waits (failing after 10 s) until these PostgreSQL backends have exited and the server has reaped them
     * (Linux: their /proc entries are gone). The load's CPU is measured next: a backend of the baseline reaped between the reading
     * of the server's children's time and the listing of its live processes counted in neither before the load and
     * in the first after it, its 30 s of inserts charged to the commands (PostgreSQL's CPU per command measured
     * 0.67–1.82 ms in runs of one code, session 17).
     */
    private static void awaitGone(java.util.Collection<Long> pids) {
        Stack.await("the baseline's backends to exit", () -> pids.stream()
                .noneMatch(pid -> Files.exists(Path.of("/proc", Long.toString(pid)))), Duration.ofSeconds(10));
    }

    static double rawSequentialRead(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                long start = System.nanoTime();
                long rows = 0;
                try (ResultSet result = statement.executeQuery(
                        "SELECT global_index, payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                    while (result.next()) {
                        result.getBytes(2);
                        rows++;
                    }
                }
                return rows / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    static long countEvents(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    static UUID busyTicket(Desk command) {
        Desk.Answer opened = command.post("operator", "/api/tickets", """
                {"clientId":"acme","type":"INCIDENT","priority":"LOW","title":"A long story","description":"200 events",
                 "reporter":{"name":"Bench","email":"bench@acme.example"}}""", null);
        UUID ticket = UUID.fromString(opened.json().get("ticketId").asText());
        for (int i = 1; i < 200; i++) {
            command.post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"note " + i + "\"}", null);
        }
        return ticket;
    }

    /** {@code count} timed reads, after as many untimed ones: the first reads of a path measure the JIT. */
    static Percentiles timeReads(Desk query, String path, int count) {
        return timeReads(query, "analyst", path, count);
    }

    /** The same, as {@code user}. */
    static Percentiles timeReads(Desk query, String user, String path, int count) {
        for (int i = 0; i < count; i++) {
            query.get(user, path);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (query.get(user, path).ok()) {
                times.add((System.nanoTime() - start) / 1_000);
            }
        }
        return percentiles(times);
    }

    static double rebuild(Desk query, String projection, long events) {
        long start = System.nanoTime();
        Desk.Answer started = query.post("operator", "/api/admin/projections/" + projection + "/rebuild", null, null);
        if (started.status() != 202) {
            // a refused rebuild would otherwise be timed as one that took no time at all
            throw new IllegalStateException("the rebuild of " + projection + " was not started: " + started.status());
        }
        Stack.await("the rebuild", () -> {
            for (JsonNode status : query.get("analyst", "/api/admin/projections").json()) {
                if (status.get("name").asText().equals(projection)) {
                    // done when the copies have taken the live tables' place (no rebuild left) and nothing lags
                    return (status.path("rebuild").isMissingNode() || status.path("rebuild").isNull())
                            && !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
                }
            }
            return false;
        }, Duration.ofMinutes(30));
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Holds back the notifications not sent yet: the generated tickets' openings and closures are e-mailed to their
     * client like any, some 175,000 at 200,000 events, which the query side's sender works through for half an hour
     * (about 100 a second, when its mail server was the local one in its own process). A rebuild measured beside it
     * shared the cores with it and counted its CPU as the rebuild's (session 12). Their next attempt is put off for
     * good: the sender takes only those due. How many were held back is printed. The rows the sender holds locked are
     * skipped, never waited for (one UPDATE of every pending row waited for the sender's, which waited for it: a
     * deadlock ended a run in session 15); the sender sends those, and the rounds end when nothing else is left.
     */
    static long holdNotificationsBack(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            long held = 0;
            int round;
            do {
                round = statement.executeUpdate("""
                        UPDATE notification SET next_attempt_at = 'infinity'
                        WHERE id IN (SELECT id FROM notification
                                     WHERE status = 'PENDING' AND next_attempt_at < 'infinity'
                                     FOR UPDATE SKIP LOCKED)""");
                held += round;
            } while (round > 0);
            return held;
        }
    }

    /**
     * Deletes the benchmark's database once its server has stopped (the logs beside it stay): each run's ledger
     * took 1.6 to 3.4 GB, and forty-nine runs left behind filled the disk until PostgreSQL stalled (session 13).
     * {@code BENCH_KEEP_DATABASE=true} keeps it for a look afterwards.
     */
    private static void deleteDatabase(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        say("the benchmark's database deleted (BENCH_KEEP_DATABASE=true keeps it); its logs stay");
    }

    /**
     * Has pg_stat_statements count each statement's planning with its execution, for the rebuilds only: a
     * statement planned afresh at every execution (one whose text changes with its number of rows, say) costs
     * more than its execution time shows. Off for the command load, where many connections running the same
     * statements would contend for their entries (PostgreSQL's documentation warns of it).
     */
    static void trackPlanning(String jdbcUrl, boolean on) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(on ? "ALTER SYSTEM SET pg_stat_statements.track_planning = on"
                    : "ALTER SYSTEM RESET pg_stat_statements.track_planning");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * The live projections' catch-up with {@code generated} events the generator wrote: they pass about 10,000
     * events/s while it writes (docs/BENCHMARKS.md, session 15), so the wait is ten minutes and a second more for
     * every 2,000 events. Meanwhile the generated tickets' e-mails are held back as the notifications projection
     * decides them ({@link #holdNotificationsBack}): the sender would otherwise spend the catch-up on about two
     * per lifecycle, a million at 5 M events, and run F (session 15) gave up at 600 s with them.
     *
     * @return how many were held back
     */
    static long awaitCaughtUpWithGenerated(Desk query, String jdbcUrl, long generated) {
        long[] held = {0};
        Stack.await("the projections", () -> {
            held[0] += holdNotificationsBack(jdbcUrl);
            return caughtUp(query);
        }, Duration.ofMinutes(10).plusSeconds(generated / 2_000));
        return held[0];
    }

    static void awaitCaughtUp(Desk query) {
        Stack.await("the projections", () -> caughtUp(query), Duration.ofMinutes(10));
    }

    private static boolean caughtUp(Desk query) {
        for (JsonNode status : query.get("analyst", "/api/admin/projections").json()) {
            if (status.get("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** p50/p95/p99 in milliseconds. */
    record Percentiles(double p50, double p95, double p99, int count) {

        @Override
        public String toString() {
            return count == 0 ? "n/a" : String.format("%.1f / %.1f / %.1f  (n=%d)", p50, p95, p99, count);
        }
    }

    /** Percentiles of values in microseconds. */
    static Percentiles percentiles(java.util.Collection<Long> micros) {
        if (micros.isEmpty()) {
            return new Percentiles(0, 0, 0, 0);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }

    private static double growth(Percentiles from, Percentiles to) {
        return (to.p99() / from.p99() - 1) * 100;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static long openQueue(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT count(*) FROM ticket_status WHERE level = 'L1' AND status IN ('OPEN', 'ASSIGNED')")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void figure(String name, Object value) {
        String text = value instanceof Double number ? String.format("%,.0f", number) : String.valueOf(value);
        if (value instanceof Double number && number < 10) {
            // a ratio to the raw rate is often below 0.01: two significant digits, so that a doubling shows
            text = number < 0.1 && number > 0 ? String.format("%.2g", number) : String.format("%.2f", number);
        }
        figures.put(name, text);
        say(name + ": " + text);
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
