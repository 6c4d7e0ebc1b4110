package com.ticketledger.query.status;

import com.ticketledger.events.TicketEvent;
import com.ticketledger.query.processing.EventPositions;

import java.time.Instant;

/**
 * A table of status rows as a projection keeps it: each ticket event is folded into its ticket's row with
 * {@link StatusEvolution#fold}, the row read and saved through the processor's batch ({@link StatusRows#current},
 * {@link StatusRows#save}). The status projection keeps {@code ticket_status} with one, the reports'
 * {@code report_ticket} with another; each calls {@link #apply} from its own handler in its own processing
 * group, so each table is rebuilt alone. A replayed event, an opening too, leaves the row as it is: the fold
 * returns a row at or past the event's sequence unchanged, and nothing is saved.
 */
public final class StatusTable {

    private final StatusRows rows;
    private final StatusEvolution evolution;
    private final EventPositions positions;

    public StatusTable(StatusRows rows, StatusEvolution evolution, EventPositions positions) {
        this.rows = rows;
        this.evolution = evolution;
        this.positions = positions;
    }

    /** Folds {@code event}, the ticket's event of {@code sequence} committed {@code at}, into its ticket's row. */
    public void apply(TicketEvent event, Instant at, long sequence, String eventIdentifier, String actorRole) {
        StatusRow before = rows.current(event.ticketId()).orElse(null);
        StatusRow after = evolution.fold(before, event, at, sequence, positions.of(eventIdentifier), actorRole);
        if (after != before) {
            rows.save(after);
        }
    }

    /** Empties the table: a reset of its projection's processing group. */
    public void clear() {
        rows.deleteAll();
    }
}
