package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.read.Page;
import com.ticketledger.query.read.TicketNotFound;
import com.ticketledger.query.read.Viewer;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    private final TicketSearch search;

    TicketStatusController(StatusReads reads, TicketSearch search) {
        this.reads = reads;
        this.search = search;
    }

    @Operation(operationId = "getTicket", summary = "Read a ticket's status view",
            description = "The ticket as it stands, its SLA evaluated now. A client reads its own organisation's"
                    + " tickets only: another's is a 404, like a missing one.")
    @GetMapping("/{ticketId}")
    TicketStatusView ticket(@PathVariable UUID ticketId) {
        return reads.find(ticketId, Viewer.current()).orElseThrow(() -> new TicketNotFound(ticketId));
    }

    @Operation(operationId = "getTicketByNumber", summary = "Find a ticket by its number",
            description = "The status view of the ticket numbered `number` (`TCK-000123`; the prefix in any case,"
                    + " leading zeros optional). A number of another shape is a 400 naming `number`. A client finds its"
                    + " own organisation's tickets only: another's is a 404, like an unknown number.")
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @GetMapping("/by-number/{number}")
    TicketStatusView ticketByNumber(@Parameter(description = "The ticket's number", example = "TCK-000123")
            @PathVariable String number) {
        String canonical = TicketNumber.canonical(number);
        return reads.findByNumber(canonical, Viewer.current()).orElseThrow(() -> new TicketNotFound(canonical));
    }

    @Operation(operationId = "listTickets", summary = "List tickets, or search them",
            description = "Filtered by status, priority and client; keyset-paginated (`cursor` from the previous page's"
                    + " `nextCursor`, `limit` 1 to 200, 50 by default). A client sees its own organisation's only."
                    + " With `q` (1 to 200 characters): full-text search of the title, description and notes (a"
                    + " client's: PUBLIC notes only), in Spanish and English, accents ignored, web-search syntax"
                    + " (`\"a phrase\"`, `or`, `-word`); best match first, then newest; the filters still apply.")
    @GetMapping
    Page<TicketStatusView> tickets(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Priority priority, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
            @Parameter(description = "Words to search for, 1 to 200 characters of one line: every word (`vpn caída`),"
                    + " `\"a phrase\"`, `or`, `-word`; anything else is text, never an error")
            @RequestParam(required = false) String q) {
        if (q != null) {
            return search.search(q, status, priority, clientId, cursor, Cursor.limit(limit), Viewer.current());
        }
        return reads.list(status, priority, clientId, cursor, Cursor.limit(limit), Viewer.current());
    }
}
