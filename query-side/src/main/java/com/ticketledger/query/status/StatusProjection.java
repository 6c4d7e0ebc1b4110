package com.ticketledger.query.status;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
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
 * Keeps {@code ticket_status}, moving each row as {@link StatusEvolution} says.
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
        evolution.project(rows, event, at, sequence, token.position().orElseThrow(), role);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }
}
