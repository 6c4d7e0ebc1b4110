package com.ticketledger.store;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * The ledger's stream read one fetch at a time, by a reader that keeps its own token: Axon's event store streams
 * read on until a fetch comes back empty, so each read of new events ends with one more fetch (and, when it is empty,
 * a look for events past a large gap), and whoever waits for the events waits for those too. A fetch here says
 * whether more may follow at once: then its reader fetches again; else what was committed is read.
 */
public interface LedgerFetches {

    /**
     * The events of one fetch after {@code token} ({@code null}: from the first event), as Axon's streams read them:
     * the positions of the next window above the token's and the token's gaps (appends that had not committed when
     * it passed them), upcast, each with the token after it; their payloads decoded when first asked for.
     */
    Fetch after(TrackingToken token);

    /**
     * What one fetch read.
     *
     * @param more whether the fetch reached the top of its window: the ledger may hold more events past it now
     */
    record Fetch(List<TrackedEventMessage<?>> events, boolean more) {
    }
}
