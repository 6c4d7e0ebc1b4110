package com.ticketledger.query.status;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.query.processing.EventPositions;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Instant;

/**
 * A projection that keeps a table of status rows: it reads a ticket's row, folds the event into it with
 * {@link StatusEvolution#fold} and writes what changed. Each
 * subclass names its own processing group and table, so each can be rebuilt alone; a rebuild empties that
 * table and nothing else.
 */
public abstract class StatusRowsProjection {

    private final StatusRows rows;
    private final StatusEvolution evolution;
    private final EventPositions positions;

    protected StatusRowsProjection(StatusRows rows, StatusEvolution evolution, EventPositions positions) {
        this.rows = rows;
        this.evolution = evolution;
        this.positions = positions;
    }

    @EventHandler
    public void on(TicketEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MessageIdentifier String eventIdentifier, @MetaDataValue(MetaDataKeys.ROLE) String role) {
        StatusRow before = rows.current(event.ticketId()).orElse(null);
        StatusRow after = evolution.fold(before, event, at, sequence, positions.of(eventIdentifier), role);
        if (after != before) {
            rows.save(after);
        }
    }

    @ResetHandler
    public void reset() {
        rows.deleteAll();
    }
}
