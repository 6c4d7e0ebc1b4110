package com.ticketledger.query.sla;

/** Where a response or resolution target stands (API.md). */
public enum SlaState {
    /** Done within the target. */
    MET,
    /** Running, under 80 % of the allowed time used. */
    RUNNING,
    /** Running, 80 % or more of the allowed time used. */
    AT_RISK,
    /** Past the due instant, done or not. */
    BREACHED,
    /** The resolution clock is stopped: the ticket waits for the client's acceptance. */
    PAUSED
}
