package com.ticketledger.command.api;

import com.ticketledger.embeddeddb.StatementCounts;
import com.ticketledger.embeddeddb.StatementCounts.Cost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one command costs PostgreSQL, counted by pg_stat_statements (loaded by the embedded server): the statements
 * the command side sends and the transactions it commits, per command type. Only the command side runs in this
 * JVM's database, so what is counted is its own. The budget is the command path's: an append of one event is one
 * transaction of a few statements; more means a round trip crept in.
 */
class RoundTripsIT extends CommandSideIT {

    static final int EACH = 40;

    /**
     * Statements a command that appends one event may send, all in one transaction (the command path's target):
     * its ticket read (none when the ticket is in this instance's cache, as here), its append, and what else the
     * command must keep in the same transaction: a ticket number, the queue index, its Idempotency-Key's record, a
     * timer. The figures printed are the real counts; today's are 1 to 3.
     */
    static final double STATEMENT_BUDGET = 4.0;

    @Autowired
    DataSource dataSource;

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
        costs.put("note with a key", counted(n -> command("ana", tickets.get(n), "/notes",
                "{\"text\":\"still checking\",\"visibility\":\"INTERNAL\"}", "Idempotency-Key", "note-" + n)));
        costs.put("escalate", counted(n -> command("ana", tickets.get(n), "/escalation",
                "{\"toLevel\":\"L2\",\"reason\":\"routing issue\"}")));
        costs.put("take", counted(n -> command("bruno", tickets.get(n), "/assignment",
                "{\"engineer\":\"bruno\"}")));
        costs.put("pending-closure", counted(n -> command("bruno", tickets.get(n), "/pending-closure",
                "{\"resolution\":\"gateway restarted\"}")));
        costs.put("accept", counted(n -> command("acme-1", tickets.get(n), "/acceptance", null)));

        costs.forEach((type, cost) -> System.out.printf("round trips per %-16s %s%n", type + ":", cost));
        // A command's own statements come in whole numbers per command; what runs in the background meanwhile (the
        // deadline poller, a clean-up) adds a fraction: less than half a statement over 40 commands is background.
        assertThat(costs).allSatisfy((type, cost) -> {
            assertThat(cost.transactions()).as(type + ": transactions per command").isLessThan(1.5);
            assertThat(cost.statements()).as(type + ": statements per command").isLessThan(STATEMENT_BUDGET + 0.5);
        });
    }

    private Cost counted(IntConsumer command) {
        try (Connection connection = dataSource.getConnection()) {
            StatementCounts.reset(connection);
            for (int n = 0; n < EACH; n++) {
                command.accept(n);
            }
            return StatementCounts.since(connection, EACH);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be read", e);
        }
    }

    private void command(String user, UUID ticket, String path, String body, String... headers) {
        Answer answer = post(user, "/api/tickets/" + ticket + path, body, headers);
        if (answer.status() >= 300) {
            throw new AssertionError(path + " failed: " + answer);
        }
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
