package com.ticketledger.query.report;

import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.status.StatusEvolution;
import com.ticketledger.query.status.StatusRows;
import com.ticketledger.query.status.StatusRowsProjection;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code report_ticket}: every ticket's status and SLA clock, derived as the desk's status view is, in
 * a table of the reports' own so that analysts rebuild it without touching the desk's views.
 */
@Component
@ProcessingGroup(ProcessingGroups.REPORTS)
class ReportProjection extends StatusRowsProjection {

    ReportProjection(@Qualifier(ReportConfiguration.REPORT_ROWS) StatusRows rows, StatusEvolution evolution,
            EventPositions positions) {
        super(rows, evolution, positions);
    }
}
