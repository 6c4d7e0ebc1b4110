package com.ticketledger.query.processing;

import com.ticketledger.store.ReadPositions;
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
 * so far. The storage engine keeps the position of each event it read lately ({@link ReadPositions}), which is where
 * a live processor or a rebuild finds it; an event read longer ago is looked up by its identifier (a unique key),
 * with the batch's other such events: one query per batch, not one per event.
 */
@Component
public class EventPositions {

    private static final String BATCH_POSITIONS = EventPositions.class.getName();

    private final JdbcClient jdbc;
    private final ReadPositions readLately;

    EventPositions(JdbcClient jdbc, ReadPositions readLately) {
        this.jdbc = jdbc;
        this.readLately = readLately;
    }

    public long of(String eventIdentifier) {
        Long read = readLately.of(eventIdentifier);
        if (read != null) {
            return read;
        }
        Long position = ProcessorBatch.resource(BATCH_POSITIONS,
                        () -> lookUp(ProcessorBatch.events().stream().map(EventMessage::getIdentifier)
                                .filter(identifier -> readLately.of(identifier) == null).toList()),
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
