package com.ticketledger.query.processing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An event's own global position. A streaming token's position is not it: when an event fills a gap (its
 * append committed after later ones were read), the token it comes with stands at the highest position read
 * so far. Projections that record positions look the event's up by its identifier (a unique key).
 */
@Component
public class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long of(String eventIdentifier) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = :id")
                .param("id", eventIdentifier)
                .query(Long.class)
                .single();
    }
}
