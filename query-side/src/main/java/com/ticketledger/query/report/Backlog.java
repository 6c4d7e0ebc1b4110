package com.ticketledger.query.report;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The open tickets (neither closed nor cancelled) by level, priority and age, as of {@code asOf}. */
record Backlog(Instant asOf, long total, List<Row> rows) {

    /** @param ageBucket how long ago the tickets were opened: {@code <1d}, {@code 1-3d}, {@code 3-7d}, {@code 7-30d}, {@code >30d} */
    @Schema(name = "BacklogRow")
    record Row(SupportLevel level, Priority priority, String ageBucket, long tickets) {
    }
}
