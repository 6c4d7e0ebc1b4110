package com.ticketledger.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** The ledger's three processes, started from the built jars on ports of their own, each with a log file. */
final class Stack implements AutoCloseable {

    final Path home;
    final Path data;
    final int dbPort;
    final int commandPort;
    final int queryPort;
    /** The query side's management port (its metrics), free when the stack was made. */
    final int queryManagementPort = freePort();
    private final Map<String, Process> processes = new HashMap<>();
    private final SmtpSink mail = SmtpSink.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Stack(Path home, Path data, int dbPort, int commandPort, int queryPort) {
        this.home = home;
        this.data = data;
        this.dbPort = dbPort;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
    }

    void startDatabase() {
        Path ready = data.resolve("embedded-db.ready");
        try {
            Files.deleteIfExists(ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start("postgres", home.resolve("embedded-db/target/embedded-db-exec.jar"),
                Map.of("LEDGER_DATA_DIR", data.toString(), "LEDGER_DB_PORT", Integer.toString(dbPort)));
        await("PostgreSQL", () -> Files.exists(ready), Duration.ofSeconds(120));
    }

    void startCommandSide() {
        start("command-side", home.resolve("command-side/target/command-side.jar"), sideEnvironment(commandPort));
        await("the command side", () -> healthy(commandPort), Duration.ofSeconds(120));
    }

    void startQuerySide() {
        Map<String, String> environment = sideEnvironment(queryPort);
        // Its e-mails go to a mail server outside it, as a deployed ledger's do: not to the embedded default's local
        // server, which would receive them in the query side's own process.
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", Integer.toString(mail.port()));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(queryManagementPort));
        start("query-side", home.resolve("query-side/target/query-side.jar"), environment);
        await("the query side", () -> healthy(queryPort), Duration.ofSeconds(120));
    }

    private Map<String, String> sideEnvironment(int port) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        // Metrics on a port of the system's choosing: never one a running ledger holds (the query side's is read).
        environment.put("MANAGEMENT_SERVER_PORT", "0");
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + dbPort + "/postgres");
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("SPRING_PROFILES_ACTIVE", "embedded");
        // The embedded profile keeps its generated keys (checkpoint signing, personal data) in the data directory:
        // this run's, not ./data.
        environment.put("LEDGER_DATA_DIR", data.toString());
        return environment;
    }

    private void start(String name, Path jar, Map<String, String> environment) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./ledger build)");
        }
        List<String> command = new ArrayList<>(List.of("java"));
        // The sides take JAVA_OPTS, then their own LEDGER_COMMAND_JAVA_OPTS or LEDGER_QUERY_JAVA_OPTS, as
        // ./ledger start gives them (a profiler, heap or collector settings); the database takes neither.
        if (!name.equals("postgres")) {
            command.addAll(javaOptions("JAVA_OPTS"));
            command.addAll(javaOptions(
                    name.equals("command-side") ? "LEDGER_COMMAND_JAVA_OPTS" : "LEDGER_QUERY_JAVA_OPTS"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve(name + ".log").toFile()));
        builder.environment().putAll(environment);
        try {
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private static List<String> javaOptions(String variable) {
        String options = System.getenv(variable);
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /**
     * CPU time each of the stack's processes has used so far, with their descendants; for PostgreSQL, the
     * server (which pg_ctl detaches from the launcher), its backends, and the backends that have exited since it
     * started (the server reaps them, and Linux adds their time to its children's: a connection closed during a
     * measurement would otherwise take its time away). A process that has exited counts no more otherwise; zero
     * where the platform does not tell.
     */
    Map<String, Duration> cpuUsed() {
        Map<String, Duration> used = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            Stream<ProcessHandle> handles = Stream.concat(Stream.of(process.toHandle()), process.descendants());
            Duration reaped = Duration.ZERO;
            if (name.equals("postgres")) {
                Optional<ProcessHandle> server = postmaster();
                handles = Stream.concat(handles, server.stream()
                        .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())));
                reaped = server.map(Stack::reapedChildrenCpu).orElse(Duration.ZERO);
            }
            used.put(name, handles.map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(reaped, Duration::plus));
        });
        return used;
    }

    /** PostgreSQL's background processes, by the name each gives itself in its title. */
    private static final List<String> POSTGRES_BACKGROUND = List.of("checkpointer", "background writer", "walwriter",
            "autovacuum launcher", "autovacuum worker", "logical replication launcher", "archiver", "stats collector");

    /**
     * PostgreSQL's CPU time so far by kind of process, from each one's title (Linux: /proc/PID/cmdline): the
     * backends that serve connections together, each background process by its name (checkpointer, autovacuum
     * worker, …), and those that have exited since the server started (backends and autovacuum workers alike);
     * empty where the platform does not tell.
     */
    Map<String, Duration> postgresCpuByKind() {
        Map<String, Duration> used = new LinkedHashMap<>();
        postmaster().ifPresent(server -> {
            used.put("exited processes", reapedChildrenCpu(server));
            server.descendants().forEach(process -> used.merge(postgresKind(process),
                    process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus));
        });
        return used;
    }

    private static String postgresKind(ProcessHandle process) {
        try {
            // "postgres: <user> <database> <client> <state>" for a backend, "postgres: <name>" for the others
            String title = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ').trim().replaceFirst("^postgres: ", "");
            return POSTGRES_BACKGROUND.stream().filter(title::startsWith).findFirst().orElse("backends");
        } catch (IOException | RuntimeException e) {
            return "backends";
        }
    }

    /** The CPU time of {@code process}'s children that have exited and been waited for (Linux; zero elsewhere). */
    static Duration reapedChildrenCpu(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the fields after the command's closing parenthesis: state is field 3, cutime and cstime 16 and 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Duration.ofMillis(ticks * 10); // USER_HZ, 100 on every Linux this runs on
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /**
     * CPU time the JVM of side {@code name} has used so far in its JIT compiler threads and in its garbage
     * collector's threads (Linux: /proc/PID/task/TID/comm and stat; empty elsewhere, or for a process that is not
     * running). Threads that have exited count no more, so each is a lower bound: the JVM may retire a compiler
     * thread that has nothing left to compile.
     */
    Map<String, Duration> jvmThreadCpu(String name) {
        Map<String, Duration> used = new LinkedHashMap<>();
        Process process = processes.get(name);
        if (process == null) {
            return used;
        }
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String comm = Files.readString(thread.resolve("comm")).trim();
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    String kind = comm.contains("CompilerThre") ? "JIT" : comm.startsWith("GC Thread")
                            || comm.startsWith("G1 ") || comm.startsWith("VM Thread") ? "GC and safepoints" : null;
                    if (kind != null) {
                        used.merge(kind, Duration.ofMillis(ticks * 1000 / ticksPerSecond), Duration::plus);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException notLinux) {
            return Map.of();
        }
        return used;
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** kill -9: no shutdown hook, no graceful anything. */
    void kill(String name) {
        Process process = processes.remove(name);
        process.destroyForcibly();
        waitFor(process);
    }

    /** SIGTERM and wait: for PostgreSQL, the launcher's shutdown hook stops the server cleanly. */
    void stop(String name) {
        Process process = processes.remove(name);
        if (process != null) {
            process.destroy();
            waitFor(process);
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean healthy(int port) {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The query side's meters as Prometheus reads them (its management port asks no credentials). */
    String queryMetrics() {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + queryManagementPort + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("the query side's metrics answered " + page.statusCode());
            }
            return page.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Condition condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready within " + limit.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /** The e-mails the query side has sent so far (to the stack's SMTP sink). */
    long mailsSent() {
        return mail.received();
    }

    @Override
    public void close() {
        for (String name : new String[] {"query-side", "command-side", "postgres"}) {
            stop(name);
        }
        mail.close();
    }
}
