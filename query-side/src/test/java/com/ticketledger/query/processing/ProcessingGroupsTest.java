package com.ticketledger.query.processing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessingGroupsTest {

    /** A projection whose tables are not named cannot be rebuilt: its rebuild would answer 404. */
    @Test
    void everyProjectionNamesTheTablesItsRebuildCopies() {
        assertThat(ProcessingGroups.TABLES.keySet()).containsExactlyInAnyOrderElementsOf(ProcessingGroups.ALL);
        ProcessingGroups.TABLES.values().forEach(tables -> assertThat(tables).isNotEmpty());
    }

    @Test
    void noTableBelongsToTwoProjections() {
        assertThat(ProcessingGroups.TABLES.values().stream().flatMap(List::stream))
                .doesNotHaveDuplicates();
    }
}
