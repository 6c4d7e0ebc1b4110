package com.ticketledger.embeddeddb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded default's PostgreSQL until SIGTERM or Ctrl-C, then stops it cleanly.
 *
 * <p>{@code LEDGER_DATA_DIR} (default {@code ./data}) holds the cluster under {@code postgres/};
 * {@code LEDGER_DB_PORT} (default 55432) is the port. Once the server accepts connections, the JDBC URL is
 * written to {@code <data dir>/embedded-db.ready}, which the start script waits for.
 */
public final class EmbeddedDatabaseMain {

    private EmbeddedDatabaseMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(env("LEDGER_DATA_DIR", "data")).toAbsolutePath();
        int port = Integer.parseInt(env("LEDGER_DB_PORT", "55432"));
        Path ready = dataDir.resolve("embedded-db.ready");
        Files.deleteIfExists(ready);

        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("postgres"), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the next start deletes it anyway
            }
            database.close();
            stopped.countDown();
        }, "embedded-db-stop"));

        Files.writeString(ready, database.jdbcUrl() + System.lineSeparator());
        System.out.println("PostgreSQL ready: " + database.jdbcUrl() + " (data in " + dataDir.resolve("postgres") + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
