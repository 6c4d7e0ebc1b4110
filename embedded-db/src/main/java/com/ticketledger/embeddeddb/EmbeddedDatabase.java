package com.ticketledger.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server run from zonky's binaries (no Docker, no system install): the same major version as
 * docker-compose.yml. Data survives a restart when the same data directory is given again.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    /**
     * Loaded at start so that the statements each command costs can be counted ({@code CREATE EXTENSION
     * pg_stat_statements}, then its view): the benchmark prints them per command, a test keeps them in budget.
     */
    static final String STATEMENT_STATISTICS = "pg_stat_statements";

    private static EmbeddedDatabase forTests;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The durability settings of a server that keeps data: PostgreSQL's own defaults, an acknowledged commit on disk.
     * zonky is made for tests and starts every server without them: {@code -F} on its command line ({@code fsync}
     * off, so a crash of the machine may leave the cluster corrupt) and {@code synchronous_commit} off (a commit is
     * acknowledged before its WAL is flushed). Named here, after those, they win (the last setting on the command
     * line does). Until session 16 the one-command start and every benchmark ran without them.
     */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    /**
     * Starts a server on the given port over the given data directory, creating the cluster if it is empty, with
     * PostgreSQL's durability ({@link #DURABLE}).
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("shared_preload_libraries", STATEMENT_STATISTICS);
            DURABLE.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start over " + dataDirectory, e);
        }
    }

    /**
     * One throw-away server per test JVM, on a free port, stopped when the JVM exits. Test classes share it
     * (each Spring context migrates the same schema, which Flyway makes idempotent).
     */
    public static synchronized EmbeddedDatabase forTests() {
        if (forTests == null) {
            try {
                Path directory = Files.createTempDirectory("ledger-test-pg");
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("shared_preload_libraries", STATEMENT_STATISTICS)
                        .start();
                forTests = new EmbeddedDatabase(postgres);
                Runtime.getRuntime().addShutdownHook(new Thread(forTests::close, "test-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("the test PostgreSQL did not start", e);
            }
        }
        return forTests;
    }

    /**
     * A new, empty database on this server, for tests that must not share the ledger with others (several
     * application instances competing for the same event processors, say). Answers its JDBC URL.
     */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database " + name + " could not be created", e);
        }
        return postgres.getJdbcUrl(USER, name);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
