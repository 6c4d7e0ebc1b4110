package com.ticketledger.events;

/**
 * The metadata every event of the ledger carries, as written by the command side.
 */
public final class MetaDataKeys {

    /** The acting person's user name. */
    public static final String USER = "user";
    /** The acting person's {@link Role}. */
    public static final String ROLE = "role";
    /** The client organisation of a CLIENT actor; absent for desk staff. */
    public static final String ORGANISATION = "organisation";
    /** The support level of an ENGINEER actor; absent otherwise. */
    public static final String LEVEL = "level";
    /** Ties the event to the request that caused it (header {@code X-Correlation-Id}, or a new id). */
    public static final String CORRELATION_ID = "correlationId";

    /**
     * The {@link #USER} of what the ledger does by itself, without a person's request (an automatic acceptance). No
     * one logs in as it: desk users are people with a {@link Role}, and this name is never one of theirs.
     */
    public static final String SYSTEM_USER = "system";
    /**
     * The {@link #ROLE} of {@link #SYSTEM_USER}: not a {@link Role}, because no person has it and no request is
     * authorized by it; readers of the metadata treat it as text.
     */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private MetaDataKeys() {
    }
}
