package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.consistency.ReadsProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** docs/api.md's status reads. A client sees its own organisation's tickets only; another's is a 404. */
@RestController
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(StatusProjection.GROUP)
@Tag(name = "Tickets", description = "Tickets as they stand, and their timelines.")
class TicketStatusController {

    private final StatusReads reads;

    TicketStatusController(StatusReads reads) {
        this.reads = reads;
    }

    @Operation(operationId = "getTicket", summary = "Read a ticket's status view",
            description = "The ticket as it stands, its SLA evaluated now. A client reads its own organisation's"
                    + " tickets only: another's is a 404, like a missing one.")
    @GetMapping("/{ticketId}")
    TicketStatusView ticket(@PathVariable UUID ticketId) {
        return reads.find(ticketId, Viewer.current()).orElseThrow(() -> new TicketNotFound(ticketId));
    }

    @Operation(operationId = "listTickets", summary = "List tickets",
            description = "Filtered by status, priority and client; keyset-paginated (`cursor` from the previous page's"
                    + " `nextCursor`, `limit` 1 to 200, 50 by default). A client sees its own organisation's only.")
    @GetMapping
    Page<TicketStatusView> tickets(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Priority priority, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return reads.list(status, priority, clientId, cursor, Cursor.limit(limit), Viewer.current());
    }
}
