package com.ticketledger.events;

/** The priority as reported, most urgent first (declaration order is queue order). */
public enum Priority {
    /** Blocks all use of the system. */
    CRITICAL,
    /** Functions broken, system unusable. */
    HIGH,
    /** Functions affected, system still usable. */
    MEDIUM,
    /** Minor; normal operation continues. */
    LOW
}
