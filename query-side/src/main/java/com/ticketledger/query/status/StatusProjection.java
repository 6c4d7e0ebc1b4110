package com.ticketledger.query.status;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code ticket_status}, moving each row as {@link StatusEvolution} says. A row already at or past an
 * event's sequence number is left alone, so a replayed event changes nothing twice.
 */
@Component
@ProcessingGroup(StatusProjection.GROUP)
class StatusProjection {

    static final String GROUP = ProcessingGroups.TICKET_STATUS;

    private final StatusRows rows;
    private final StatusEvolution evolution;

    StatusProjection(StatusRows rows, StatusEvolution evolution) {
        this.rows = rows;
        this.evolution = evolution;
    }

    @EventHandler
    void on(TicketEvent event, @Timestamp Instant at, @SequenceNumber long sequence, TrackingToken token,
            @MetaDataValue(MetaDataKeys.ROLE) String role) {
        long position = position(token);
        if (event instanceof TicketOpened opened) {
            rows.insert(evolution.opened(opened, at, sequence, position));
            return;
        }
        StatusRow row = rows.find(event.ticketId()).orElseThrow(() -> new IllegalStateException(
                "ticket " + event.ticketId() + " has an event before its opening"));
        if (row.version() < sequence) {
            rows.update(evolution.apply(row, event, at, sequence, position, role));
        }
    }

    /** A rebuild starts from an empty table; this projection owns nothing else. */
    @ResetHandler
    void reset() {
        rows.deleteAll();
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a streaming token has a position"));
    }
}
