package com.ticketledger.embeddeddb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stretch of work cost PostgreSQL in statements and transactions, from pg_stat_statements (which the
 * embedded server loads at start): {@link #reset} before the work, {@link #since} after it. Counted in the
 * current database, top-level statements only (what a client sends; a trigger's statements are part of the
 * statement that fired it). A transaction is counted by its BEGIN, which travels with the transaction's first
 * statement; BEGIN, COMMIT and ROLLBACK are not statements here, and the counting's own queries are left out.
 * Whoever else uses the database meanwhile is counted too: count with nothing else running.
 */
public final class StatementCounts {

    /** Statements and transactions per unit of work, and each statement's calls (its text shortened). */
    public record Cost(double statements, double transactions, Map<String, Long> byStatement) {

        /** The two figures alone: "2.00 statements, 1.00 transactions". */
        public String brief() {
            return String.format("%.2f statements, %.2f transactions", statements, transactions);
        }

        @Override
        public String toString() {
            return String.format("%.2f statements, %.2f transactions %s", statements, transactions, byStatement);
        }
    }

    private StatementCounts() {
    }

    /** Starts counting afresh in {@code connection}'s database (the extension is created if missing). */
    public static void reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** What was counted since the last {@link #reset}, per each of {@code units} units of work. */
    public static Cost since(Connection connection, int units) throws SQLException {
        Map<String, Long> byStatement = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(perStatement("sum(calls)"))) {
            while (rows.next()) {
                byStatement.put(rows.getString(1), rows.getLong(2));
            }
        }
        long transactions = byStatement.getOrDefault("BEGIN", 0L);
        long statements = byStatement.entrySet().stream()
                .filter(entry -> !entry.getKey().matches("(?i)(BEGIN|COMMIT|ROLLBACK).*"))
                .mapToLong(Map.Entry::getValue).sum();
        return new Cost((double) statements / units, (double) transactions / units, byStatement);
    }

    /**
     * The {@code top} statements that took PostgreSQL longest since the last {@link #reset} (their execution, a
     * trigger's work included, and their planning where {@code pg_stat_statements.track_planning} is on), each with
     * its time per each of {@code units} units of work in microseconds, the longest first; the text shortened as
     * {@link #since} shortens it.
     */
    public static Map<String, Double> timeSince(Connection connection, int units, int top) throws SQLException {
        Map<String, Double> byStatement = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                perStatement("sum(total_exec_time + total_plan_time)") + " LIMIT ?")) {
            statement.setInt(1, top);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byStatement.put(rows.getString(1), rows.getDouble(2) * 1_000 / units);
                }
            }
        }
        return byStatement;
    }

    /**
     * {@code measure} of each statement counted, by its text shortened to 60 characters, the largest first: what
     * the current database ran at the top level since the last {@link #reset}, the counting's own queries left out.
     */
    private static String perStatement(String measure) {
        return """
                SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 60), %s
                FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel
                  AND query NOT ILIKE '%%pg_stat%%' AND query NOT ILIKE '%%pg_database%%'
                GROUP BY 1 ORDER BY 2 DESC""".formatted(measure);
    }
}
