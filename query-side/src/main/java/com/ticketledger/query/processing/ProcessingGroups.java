package com.ticketledger.query.processing;

/** The names of the query side's processing groups: one per projection, each rebuildable alone. */
public final class ProcessingGroups {

    public static final String TICKET_STATUS = "ticket-status";
    public static final String TICKET_HISTORY = "ticket-history";
    public static final String REPORTS = "reports";

    private ProcessingGroups() {
    }
}
