package com.ticketledger.query.report;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.status.StatusEvolution;
import com.ticketledger.query.status.StatusRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code report_ticket}: every ticket's status and SLA clock, derived by the same
 * {@link StatusEvolution} as the desk's status view, in a table of the reports' own.
 */
@Component
@ProcessingGroup(ProcessingGroups.REPORTS)
class ReportProjection {

    private final StatusRows rows;
    private final StatusEvolution evolution;

    ReportProjection(@Qualifier(ReportConfiguration.REPORT_ROWS) StatusRows rows, StatusEvolution evolution) {
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
