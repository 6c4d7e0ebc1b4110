package com.ticketledger.events;

/** How an engineer came to hold a ticket: named by someone, or taken from the head of a level's queue. */
public enum AssignedVia {
    /** An operator or an engineer named the engineer (the assignment command). */
    DIRECT,
    /** The engineer took the head of their own level's queue ("take next"): nobody chose the ticket. */
    TAKE_NEXT
}
