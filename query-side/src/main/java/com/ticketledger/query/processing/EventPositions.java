package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's own global position. A streaming token's position is not it: when an event fills a gap (its
 * append committed after later ones were read), the token it comes with stands at the highest position read
 * so far. Projections that record positions look the event's up by its identifier (a unique key), for the
 * whole batch at once: one query per batch, not one per event.
 */
@Component
public class EventPositions {

    private static final String BATCH_POSITIONS = EventPositions.class.getName();

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long of(String eventIdentifier) {
        Long position = ProcessorBatch.resource(BATCH_POSITIONS,
                        () -> lookUp(ProcessorBatch.events().stream().map(EventMessage::getIdentifier).toList()),
                        positions -> { })
                .map(positions -> positions.get(eventIdentifier))
                .orElse(null);
        if (position != null) {
            return position;
        }
        Long alone = lookUp(List.of(eventIdentifier)).get(eventIdentifier);
        if (alone == null) {
            throw new IllegalStateException("event " + eventIdentifier + " is not in the ledger");
        }
        return alone;
    }

    private Map<String, Long> lookUp(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        if (eventIdentifiers.isEmpty()) {
            return positions;
        }
        jdbc.sql("""
                        SELECT event_identifier, global_index FROM domain_event_entry
                        WHERE event_identifier = ANY(:ids)""")
                .param("ids", eventIdentifiers.toArray(String[]::new))
                .query(rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        return positions;
    }
}
