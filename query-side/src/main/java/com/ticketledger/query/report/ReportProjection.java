package com.ticketledger.query.report;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.status.StatusEvolution;
import com.ticketledger.query.status.StatusRows;
import com.ticketledger.query.status.StatusTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code report_ticket}: every ticket's status and SLA clock, derived as the desk's status view is (the same
 * {@link StatusTable} fold), in a table of the reports' own so that analysts rebuild it without touching the
 * desk's views.
 */
@Component
@ProcessingGroup(ProcessingGroups.REPORTS)
class ReportProjection {

    /** The reports' table of status rows; {@link Reports} reads it. */
    static final String TABLE = "report_ticket";

    private final StatusTable table;

    ReportProjection(NamedParameterJdbcTemplate jdbc, StatusEvolution evolution, EventPositions positions) {
        this.table = new StatusTable(new StatusRows(jdbc, TABLE), evolution, positions);
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
