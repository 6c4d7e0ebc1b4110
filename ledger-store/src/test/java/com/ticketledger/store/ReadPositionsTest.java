package com.ticketledger.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The positions of the events read lately: the newest {@code capacity} kept, each as it was read. */
class ReadPositionsTest {

    @Test
    void aReadEventsPositionIsFoundByItsIdentifier() {
        ReadPositions positions = new ReadPositions(4);
        positions.read("a", 17);
        positions.read("b", 12);

        assertThat(positions.of("a")).isEqualTo(17L);
        assertThat(positions.of("b")).isEqualTo(12L);
        assertThat(positions.of("never read")).isNull();
    }

    @Test
    void theOldestIsForgottenWhenTheRingIsFull() {
        ReadPositions positions = new ReadPositions(2);
        positions.read("a", 1);
        positions.read("b", 2);
        positions.read("c", 3);

        assertThat(positions.of("a")).isNull();
        assertThat(positions.of("b")).isEqualTo(2L);
        assertThat(positions.of("c")).isEqualTo(3L);
    }

    @Test
    void refusesARingWithoutRoom() {
        assertThatThrownBy(() -> new ReadPositions(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever is read, the last {@code capacity} distinct events are there with their positions; none older. */
    @Property
    void keepsExactlyTheNewestEvents(@ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @IntRange(min = 0, max = 200) int events) {
        ReadPositions positions = new ReadPositions(capacity);
        for (int i = 0; i < events; i++) {
            positions.read("event-" + i, 1_000 + i);
        }
        for (int i = 0; i < events; i++) {
            Long found = positions.of("event-" + i);
            if (i >= events - capacity) {
                assertThat(found).isEqualTo(1_000L + i);
            } else {
                assertThat(found).isNull();
            }
        }
    }
}
