package com.ticketledger.events;

/** Who may read a note or an attachment: PUBLIC ones are part of the client's history, INTERNAL ones are desk-only. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
