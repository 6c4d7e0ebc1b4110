package com.ticketledger.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Reads a ticket's stream as PostgreSQL holds it, chain columns included, in sequence order. */
public class StoredEvents {

    private final JdbcClient jdbc;

    public StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredEvent> ofStream(String aggregateIdentifier) {
        return jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                               payload_type, payload_revision, payload, meta_data, previous_hash, hash
                        FROM domain_event_entry WHERE aggregate_identifier = :stream ORDER BY sequence_number""")
                .param("stream", aggregateIdentifier)
                .query((rs, n) -> new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                        rs.getBytes("payload"), rs.getBytes("meta_data"), rs.getBytes("previous_hash"),
                        rs.getBytes("hash")))
                .list();
    }

    /** The global position of the newest event in the ledger; 0 when it is empty. */
    public long headPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }
}
