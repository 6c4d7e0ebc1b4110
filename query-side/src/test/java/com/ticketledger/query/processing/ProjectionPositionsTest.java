package com.ticketledger.query.processing;

import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When this instance's segments are the whole stream, positions are read from its processor alone. */
class ProjectionPositionsTest {

    @Test
    void segmentsSplitFromTheRootCoverEveryEvent() {
        for (int count = 1; count <= 7; count++) {
            assertThat(ProjectionPositions.coverEveryEvent(Segment.splitBalanced(Segment.ROOT_SEGMENT, count - 1)))
                    .as(count + " segments").isTrue();
        }
    }

    @Test
    void partOfTheSegmentsDoesNotCoverEveryEvent() {
        List<Segment> three = Segment.splitBalanced(Segment.ROOT_SEGMENT, 2);
        assertThat(ProjectionPositions.coverEveryEvent(three.subList(0, 2))).isFalse();
        assertThat(ProjectionPositions.coverEveryEvent(three.subList(2, 3))).isFalse();
        assertThat(ProjectionPositions.coverEveryEvent(List.of())).isFalse();
    }
}
