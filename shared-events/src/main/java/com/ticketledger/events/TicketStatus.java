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
    CLOSED
}
