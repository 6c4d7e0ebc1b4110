package com.ticketledger.query.status;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code ticket_status}, the desk's status views, queues and SLA lists. */
@Component
@ProcessingGroup(StatusProjection.GROUP)
class StatusProjection {

    static final String GROUP = ProcessingGroups.TICKET_STATUS;

    private final StatusTable table;

    StatusProjection(StatusRows rows, StatusEvolution evolution, EventPositions positions) {
        this.table = new StatusTable(rows, evolution, positions);
    }

    @EventHandler
    void on(TicketEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MessageIdentifier String eventIdentifier, @MetaDataValue(MetaDataKeys.ROLE) String role) {
        table.apply(event, at, sequence, eventIdentifier, role);
    }

    @ResetHandler
    void reset() {
        table.clear();
    }
}
