package com.ticketledger.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's stream read a fetch at a time, against PostgreSQL: each fetch says whether it filled its window, so
 * that a reader fetches again at once only then, and no fetch is made to find that nothing is left.
 */
class LedgerFetchesIT {

    private static final int WINDOW = 10;

    private final LedgerEventStorageEngine engine = TestStorageEngines.withBatchSize(WINDOW);

    @Test
    void fetchesWhatWasAppendedAWindowAtATimeAndSaysWhenMoreMayFollow() {
        TrackingToken head = engine.createHeadToken();
        String stream = "ticket:" + UUID.randomUUID();
        engine.appendEvents(IntStream.range(0, 25).mapToObj(sequence -> (DomainEventMessage<?>)
                new GenericDomainEventMessage<>("Test", stream, sequence, "event " + sequence)).toList());

        List<Integer> sizes = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        TrackingToken token = head;
        LedgerFetches.Fetch fetch;
        do {
            fetch = engine.after(token);
            sizes.add(fetch.events().size());
            more.add(fetch.more());
            fetch.events().forEach(event -> payloads.add(event.getPayload()));
            if (!fetch.events().isEmpty()) {
                token = fetch.events().get(fetch.events().size() - 1).trackingToken();
            }
        } while (fetch.more());

        // windows of 10 positions (the first may start past a position the sequence gave to an append that did not
        // commit): two reach their top, the third the head, and no fetch is made to find that nothing is left
        assertThat(more).as("fetches of %s events", sizes).containsExactly(true, true, false);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
        assertThat(payloads).isEqualTo(IntStream.range(0, 25).mapToObj(sequence -> "event " + sequence).toList());
        assertThat(engine.after(token).events()).as("nothing more").isEmpty();
    }

    @Test
    void aFetchAtTheHeadFindsNothingAndSaysNoMoreFollows() {
        LedgerFetches.Fetch fetch = engine.after(engine.createHeadToken());

        assertThat(fetch.events()).isEmpty();
        assertThat(fetch.more()).isFalse();
    }
}
