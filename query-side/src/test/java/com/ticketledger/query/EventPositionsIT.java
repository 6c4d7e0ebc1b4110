package com.ticketledger.query;

import com.ticketledger.embeddeddb.StatementCounts;
import com.ticketledger.events.TicketOpened;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections record each event's own position as the storage engine read it from the event's row: they do not
 * ask the database for it again (GapFillingIT covers an event that fills a gap, whose token stands elsewhere).
 */
class EventPositionsIT extends QuerySideIT {

    static final int TICKETS = 40;

    @Autowired
    DataSource dataSource;

    @Test
    void theProjectionsFindThePositionsOfTheEventsTheyReadWithoutLookingThemUp() throws Exception {
        List<TicketOpened> openings = IntStream.range(0, TICKETS).mapToObj(i -> Tickets.opened("acme")).toList();
        List<UUID> tickets = openings.stream().map(TicketOpened::ticketId).toList();
        StatementCounts.Cost cost;
        try (Connection connection = dataSource.getConnection()) {
            StatementCounts.reset(connection);
            openings.forEach(opened -> append(opened, OPERATOR, Instant.now()));
            awaitUntil("the status and history projections have every opening", Duration.ofSeconds(60),
                    () -> count("ticket_status", tickets) == TICKETS && count("ticket_history", tickets) == TICKETS);
            cost = StatementCounts.since(connection, 1);
        }

        assertThat(cost.byStatement().keySet()).as("statements run while the projections caught up")
                .noneMatch(statement -> statement.startsWith("SELECT event_identifier, global_index"));
        Map<UUID, Long> positions = jdbc.sql("""
                        SELECT CAST(aggregate_identifier AS uuid) AS ticket, global_index FROM domain_event_entry
                        WHERE aggregate_identifier = ANY(:ids)""")
                .param("ids", tickets.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("ticket", UUID.class), rs.getLong("global_index")))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        jdbc.sql("SELECT ticket_id, opened_position FROM ticket_status WHERE ticket_id = ANY(:ids)")
                .param("ids", tickets.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("ticket_id", UUID.class), rs.getLong("opened_position")))
                .list().forEach(row -> assertThat(row.getValue()).as("ticket " + row.getKey() + "'s opening position")
                        .isEqualTo(positions.get(row.getKey())));
    }

    private long count(String table, List<UUID> tickets) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE ticket_id = ANY(:ids)")
                .param("ids", tickets.toArray(UUID[]::new)).query(Long.class).single();
    }
}
