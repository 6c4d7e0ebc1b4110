package com.ticketledger.query.queue;

import com.ticketledger.events.SupportLevel;
import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.read.Page;
import com.ticketledger.query.status.StatusReads;
import com.ticketledger.query.status.TicketStatusView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queue order (docs/domain.md): incidents before requests and changes, then CRITICAL > HIGH > MEDIUM > LOW, then
 * first in, first out by opening time. Nobody can jump the queue by other means.
 */
@RestController
@RequestMapping(path = "/api/queues", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(ProcessingGroups.TICKET_STATUS)
@Tag(name = "Queues and SLA", description = "The desk's work in queue order, and what is at risk or breached.")
class QueueController {

    private final StatusReads reads;

    QueueController(StatusReads reads) {
        this.reads = reads;
    }

    /** Open tickets of that level that nobody has taken yet; for VENDOR, the tickets waiting on the vendor. */
    @Operation(operationId = "getLevelQueue", summary = "Read a level's queue",
            description = "L1, L2, L3: open tickets of that level that nobody has taken yet, in queue order (incidents"
                    + " first, then priority, then opening time). VENDOR: the tickets waiting on the vendor (at VENDOR"
                    + " and ASSIGNED: they keep their engineer), oldest escalation to the vendor first, each with"
                    + " `vendorCaseRef` and `vendorEscalatedAt`. Keyset-paginated (`cursor`, `limit` 1 to 200, 50 by"
                    + " default).")
    @GetMapping("/{level}")
    Page<TicketStatusView> level(@PathVariable SupportLevel level, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return reads.levelQueue(level, cursor, Cursor.limit(limit));
    }

    /** The engineer's tickets not yet closed. */
    @Operation(operationId = "getEngineerQueue", summary = "Read an engineer's queue",
            description = "The engineer's tickets not yet closed, in queue order; keyset-paginated (`cursor`, `limit`"
                    + " 1 to 200, 50 by default).")
    @GetMapping("/engineers/{user}")
    Page<TicketStatusView> engineer(@PathVariable String user, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return reads.engineerQueue(user, cursor, Cursor.limit(limit));
    }
}
