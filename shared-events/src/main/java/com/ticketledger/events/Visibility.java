package com.ticketledger.events;

/** Who may read a note: PUBLIC notes are part of the client's history, INTERNAL ones are desk-only. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
