package com.ticketledger.command.recording;

import com.ticketledger.store.AppendedPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Where an event stands in the whole ledger: its global position, which readers wait for. The event a command on
 * this thread just appended is known from the append itself ({@link AppendedPositions}); any other is looked up.
 */
@Component
class LedgerPositions {

    private final JdbcClient jdbc;

    LedgerPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long of(UUID ticketId, long sequence) {
        return AppendedPositions.take(ticketId.toString(), sequence).orElseGet(() -> lookUp(ticketId, sequence));
    }

    private long lookUp(UUID ticketId, long sequence) {
        return jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                        WHERE aggregate_identifier = :ticket AND sequence_number = :sequence""")
                .param("ticket", ticketId.toString())
                .param("sequence", sequence)
                .query(Long.class)
                .single();
    }
}
