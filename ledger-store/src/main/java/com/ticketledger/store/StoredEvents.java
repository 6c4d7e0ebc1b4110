package com.ticketledger.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the ledger as PostgreSQL holds it, chain columns included: a ticket's stream in sequence order, or the
 * whole ledger in global order.
 */
public class StoredEvents {

    private final JdbcClient jdbc;
    /** Reads the whole ledger through a cursor; without it, {@link #inGlobalOrder} reads its rows at once. */
    private final JdbcClient streaming;

    public StoredEvents(JdbcClient jdbc) {
        this(jdbc, null);
    }

    /** With the data source, long reads in global order come through a cursor, a thousand rows at a time. */
    public StoredEvents(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        if (dataSource == null) {
            this.streaming = jdbc;
        } else {
            JdbcTemplate cursor = new JdbcTemplate(dataSource);
            cursor.setFetchSize(1000);
            this.streaming = JdbcClient.create(cursor);
        }
    }

    public List<StoredEvent> ofStream(String aggregateIdentifier) {
        return jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                               payload_type, payload_revision, payload, meta_data, previous_hash, hash
                        FROM domain_event_entry WHERE aggregate_identifier = :stream ORDER BY sequence_number""")
                .param("stream", aggregateIdentifier)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * The events with a global position in (after, upTo], in global order, at most {@code limit} of them, each
     * handed to {@code consumer} as it is read. Inside a transaction the rows come from a cursor, a thousand at
     * a time (when built with the data source), so the whole ledger can pass through without being held in memory.
     */
    public void inGlobalOrder(long after, long upTo, long limit, Consumer<StoredEvent> consumer) {
        streaming.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                               payload_type, payload_revision, payload, meta_data, previous_hash, hash
                        FROM domain_event_entry WHERE global_index > :after AND global_index <= :upTo
                        ORDER BY global_index LIMIT :limit""")
                .param("after", after)
                .param("upTo", upTo)
                .param("limit", limit)
                .query(rs -> {
                    consumer.accept(row(rs));
                });
    }

    private static StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                rs.getBytes("payload"), rs.getBytes("meta_data"), rs.getBytes("previous_hash"), rs.getBytes("hash"));
    }

    /** The global position of the newest event in the ledger; 0 when it is empty. */
    public long headPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }
}
