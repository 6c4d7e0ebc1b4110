package com.ticketledger.sla;

/** Where a response or resolution target stands at the time of reading (docs/api.md). */
public enum SlaState {
    /** Done (first response, or pending closure) no later than the due instant. */
    MET,
    /** Running, less than 80 % of the allowed open time used. */
    RUNNING,
    /** Running, 80 % or more of the allowed open time used, not yet past the due instant. */
    AT_RISK,
    /** Past the due instant: done late, stopped late, or still running. */
    BREACHED,
    /** The resolution clock is stopped in time: the ticket waits for the client's acceptance. */
    PAUSED,
    /**
     * The ticket was cancelled before this target was done: its clock stopped for good, neither met nor
     * breached, and counted in neither.
     */
    CANCELLED
}
