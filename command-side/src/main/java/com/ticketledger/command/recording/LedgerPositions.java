package com.ticketledger.command.recording;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Where an event stands in the whole ledger: its global position, which readers wait for. */
@Component
class LedgerPositions {

    private final JdbcClient jdbc;

    LedgerPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long of(UUID ticketId, long sequence) {
        return of(ticketId.toString(), sequence);
    }

    /** The position of the event at {@code sequence} in the stream {@code aggregateId} (a ticket's or a client's). */
    long of(String aggregateId, long sequence) {
        return jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                        WHERE aggregate_identifier = :ticket AND sequence_number = :sequence""")
                .param("ticket", aggregateId)
                .param("sequence", sequence)
                .query(Long.class)
                .single();
    }
}
