package com.ticketledger.events;

/** Where a ticket stands in its lifecycle (docs/domain.md, "Lifecycle"). */
public enum TicketStatus {
    /** In its level's queue, nobody assigned. */
    OPEN,
    /** An engineer is working on it. */
    ASSIGNED,
    /** The engineer recorded a resolution; the client is asked to accept it. The resolution clock stops. */
    PENDING_CLOSURE,
    /** The client accepted the resolution. */
    CLOSED,
    /**
     * Withdrawn by the client, or closed by the desk without a resolution (a duplicate, out of scope, no
     * contract). Final: it leaves every queue, every SLA clock stops, and it cannot be reopened.
     */
    CANCELLED
}
