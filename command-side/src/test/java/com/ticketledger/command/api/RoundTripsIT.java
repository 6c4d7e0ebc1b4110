package com.ticketledger.command.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one command costs PostgreSQL, counted by pg_stat_statements (loaded by the embedded server): the statements
 * the command side sends and the transactions it commits, per command type. Only the command side runs in this
 * JVM's database, so what is counted is its own. The budget is the command path's: an append of one event is one
 * transaction of a few statements; more means a round trip crept in.
 */
class RoundTripsIT extends CommandSideIT {

    static final int EACH = 40;

    /** Statements a command that appends one event may send, all in one transaction. */
    static final double STATEMENT_BUDGET = 4.0;

    @BeforeEach
    void countStatements() {
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    }

    @Test
    void eachCommandIsOneTransactionOfAFewStatements() {
        Map<String, Cost> costs = new LinkedHashMap<>();
        lifecycles(EACH); // warm: the first commands of a type load classes and fill caches
        List<UUID> tickets = new ArrayList<>();
        costs.put("open", counted(n -> tickets.add(openTicket("operator", "acme"))));
        costs.put("assign", counted(n -> command("operator", tickets.get(n), "/assignment",
                "{\"engineer\":\"ana\"}")));
        costs.put("note", counted(n -> command("ana", tickets.get(n), "/notes",
                "{\"text\":\"checking the gateway\",\"visibility\":\"INTERNAL\"}")));
        costs.put("escalate", counted(n -> command("ana", tickets.get(n), "/escalation",
                "{\"toLevel\":\"L2\",\"reason\":\"routing issue\"}")));
        costs.put("take", counted(n -> command("bruno", tickets.get(n), "/assignment",
                "{\"engineer\":\"bruno\"}")));
        costs.put("pending-closure", counted(n -> command("bruno", tickets.get(n), "/pending-closure",
                "{\"resolution\":\"gateway restarted\"}")));
        costs.put("accept", counted(n -> command("acme-1", tickets.get(n), "/acceptance", null)));

        costs.forEach((type, cost) -> System.out.printf("round trips per %-16s %s%n", type + ":", cost));
        assertThat(costs).allSatisfy((type, cost) -> {
            assertThat(cost.transactions()).as(type + ": transactions per command").isLessThanOrEqualTo(1.0);
            assertThat(cost.statements()).as(type + ": statements per command").isLessThanOrEqualTo(STATEMENT_BUDGET);
        });
    }

    /** Statements and committed transactions per command, averaged over {@link #EACH} commands. */
    record Cost(double statements, double transactions, Map<String, Long> byStatement) {

        @Override
        public String toString() {
            return String.format("%.2f statements, %.2f transactions %s", statements, transactions, byStatement);
        }
    }

    /**
     * Counts from pg_stat_statements alone, which is up to date when a statement ends (pg_stat_database's counters are
     * reported by each connection later). It sees transaction control too: a COMMIT is a transaction (its BEGIN
     * travels with the first statement, no round trip of its own), and neither counts as a statement.
     */
    private Cost counted(Function<Integer, Object> command) {
        jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
        for (int n = 0; n < EACH; n++) {
            command.apply(n);
        }
        Map<String, Long> byStatement = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS statement, sum(calls) AS calls
                        FROM pg_stat_statements
                        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel
                          AND query NOT ILIKE '%pg_stat%' AND query NOT ILIKE '%pg_database%'
                        GROUP BY 1 ORDER BY 2 DESC""")
                .query((row, i) -> byStatement.put(row.getString("statement"), row.getLong("calls")))
                .list();
        long transactions = byStatement.getOrDefault("BEGIN", 0L);
        long statements = byStatement.entrySet().stream()
                .filter(entry -> !entry.getKey().matches("(?i)(BEGIN|COMMIT|ROLLBACK).*"))
                .mapToLong(Map.Entry::getValue).sum();
        return new Cost((double) statements / EACH, (double) transactions / EACH, byStatement);
    }

    private Object command(String user, UUID ticket, String path, String body) {
        Answer answer = post(user, "/api/tickets/" + ticket + path, body);
        if (answer.status() >= 300) {
            throw new AssertionError(path + " failed: " + answer);
        }
        return answer;
    }

    private void lifecycles(int count) {
        for (int n = 0; n < count; n++) {
            UUID ticket = openTicket("operator", "acme");
            command("operator", ticket, "/assignment", "{\"engineer\":\"ana\"}");
            command("ana", ticket, "/notes", "{\"text\":\"warming up\",\"visibility\":\"INTERNAL\"}");
            command("ana", ticket, "/pending-closure", "{\"resolution\":\"done\"}");
            command("acme-1", ticket, "/acceptance", null);
        }
    }
}
