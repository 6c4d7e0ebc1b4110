package com.ticketledger.query.status;

import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps {@code ticket_status}, the desk's status views, queues and SLA lists. */
@Component
@ProcessingGroup(StatusProjection.GROUP)
class StatusProjection extends StatusRowsProjection {

    static final String GROUP = ProcessingGroups.TICKET_STATUS;

    StatusProjection(StatusRows rows, StatusEvolution evolution, EventPositions positions) {
        super(rows, evolution, positions);
    }
}
