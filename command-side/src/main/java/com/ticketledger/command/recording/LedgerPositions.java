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
        return of(ticketId.toString(), sequence);
    }

    /**
     * The position of the event at {@code sequence} in the stream {@code aggregateId} (a ticket's or a client's):
     * from the append itself when this thread just made it, else looked up.
     */
    long of(String aggregateId, long sequence) {
        return AppendedPositions.take(aggregateId, sequence).orElseGet(() -> lookUp(aggregateId, sequence));
    }

    private long lookUp(String aggregateId, long sequence) {
        return jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                        WHERE aggregate_identifier = :ticket AND sequence_number = :sequence""")
                .param("ticket", aggregateId)
                .param("sequence", sequence)
                .query(Long.class)
                .single();
    }
}
