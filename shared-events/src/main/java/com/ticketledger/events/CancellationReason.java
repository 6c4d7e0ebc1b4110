package com.ticketledger.events;

/** Why a ticket was cancelled instead of resolved. */
public enum CancellationReason {
    /** The client withdrew it: the problem went away or was never the desk's. The only reason a client may give. */
    WITHDRAWN,
    /** Another ticket of the same organisation already covers the same problem ({@code duplicateOf}). */
    DUPLICATE,
    /** The desk does not handle this kind of problem. */
    OUT_OF_SCOPE,
    /** The organisation has no contract that covers it. */
    NO_CONTRACT
}
