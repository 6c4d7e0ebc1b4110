package com.ticketledger.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token after each event of the ledger's stream ({@link LedgerBatches#tokenAfter}), which the storage engine and a
 * rebuild's first pass share: it stands at the last position read, keeps as gaps exactly the positions skipped (an
 * append that may still commit) while the events are young, and gives them up behind an event older than the gap
 * timeout, or further back than the largest gap offset.
 */
class StreamTokenLawsTest {

    /** Increasing positions from 1 to at most 3,000, some skipped: what a reader finds committed. */
    @Provide
    Arbitrary<List<Long>> positionsRead() {
        return Arbitraries.longs().between(1, 3_000).set().ofMinSize(1).ofMaxSize(400)
                .map(positions -> positions.stream().sorted().toList());
    }

    private static GapAwareTrackingToken read(List<Long> positions, Instant stamped) {
        GapAwareTrackingToken token = null;
        for (long position : positions) {
            token = LedgerBatches.tokenAfter(token, position, stamped);
        }
        return token;
    }

    @Property(tries = 200)
    void youngEventsLeaveEveryPositionSkippedAsAGap(@ForAll("positionsRead") List<Long> positions) {
        GapAwareTrackingToken token = read(positions, Instant.now());
        long last = positions.get(positions.size() - 1);
        Set<Long> read = Set.copyOf(positions);
        assertThat(token.getIndex()).isEqualTo(last);
        assertThat(token.getGaps()).containsExactlyElementsOf(LongStream.range(1, last).filter(p -> !read.contains(p))
                .boxed().collect(Collectors.toCollection(TreeSet::new)));
    }

    @Property(tries = 200)
    void theTokenCoversEveryPositionReadAndNoneSkipped(@ForAll("positionsRead") List<Long> positions) {
        GapAwareTrackingToken token = read(positions, Instant.now());
        for (long position : positions) {
            assertThat(token.getIndex()).isGreaterThanOrEqualTo(position);
            assertThat(token.getGaps()).doesNotContain(position);
        }
    }

    @Property(tries = 200)
    void anEventOlderThanTheGapTimeoutGivesUpTheGapsBelowIt(@ForAll("positionsRead") List<Long> positions,
            @ForAll @IntRange(min = 1, max = 500) int skipped) {
        GapAwareTrackingToken young = read(positions, Instant.now());
        long old = young.getIndex() + skipped;
        GapAwareTrackingToken after = LedgerBatches.tokenAfter(young, old,
                Instant.now().minusMillis(LedgerEventStorageEngine.GAP_TIMEOUT_MILLIS).minus(Duration.ofSeconds(1)));
        assertThat(after.getIndex()).isEqualTo(old);
        assertThat(after.getGaps()).isEmpty();
    }

    @Property(tries = 50)
    void gapsFurtherBackThanTheLargestOffsetAreGivenUp(@ForAll @IntRange(min = 1, max = 5_000) int beyond) {
        GapAwareTrackingToken first = LedgerBatches.tokenAfter(null, 2, Instant.now());
        long far = 2 + LedgerEventStorageEngine.MAX_GAP_OFFSET + beyond;
        GapAwareTrackingToken token = LedgerBatches.tokenAfter(first, far, Instant.now());
        assertThat(token.getGaps()).isNotEmpty().allSatisfy(gap ->
                assertThat(gap).isGreaterThanOrEqualTo(far - LedgerEventStorageEngine.MAX_GAP_OFFSET));
        assertThat(token.getGaps()).hasSize(LedgerEventStorageEngine.MAX_GAP_OFFSET);
    }

    @Example
    void theFirstEventReadKeepsThePositionsBelowItWhileYoungOnly() {
        assertThat(LedgerBatches.tokenAfter(null, 5, Instant.now()).getGaps()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(LedgerBatches.tokenAfter(null, 5, Instant.now().minus(Duration.ofMinutes(2))).getGaps()).isEmpty();
        assertThat(LedgerBatches.tokenAfter(null, 1, Instant.now()).getGaps()).isEmpty();
    }
}
