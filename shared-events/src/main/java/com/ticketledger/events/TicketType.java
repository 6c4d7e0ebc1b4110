package com.ticketledger.events;

/** What kind of work a ticket asks for. Incidents come before the others in every queue. */
public enum TicketType {
    /** Something is broken that the client cannot fix. */
    INCIDENT,
    /** An action the client could do but asks the desk to do (configuration, installation…). */
    REQUEST,
    /** A change request. */
    CHANGE
}
