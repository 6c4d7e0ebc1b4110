package com.ticketledger.query.sla;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.status.StatusReads;
import com.ticketledger.query.status.TicketStatusView;
import com.ticketledger.sla.SlaState;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/sla/breaches?state=AT_RISK|BREACHED}: tickets not closed, most urgent first. */
@RestController
@RequestMapping(path = "/api/sla", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(ProcessingGroups.TICKET_STATUS)
@Tag(name = "Queues and SLA")
class SlaBreachesController {

    private final StatusReads reads;

    SlaBreachesController(StatusReads reads) {
        this.reads = reads;
    }

    @Operation(operationId = "listSlaBreaches", summary = "List tickets at risk or in breach",
            description = "Tickets not closed whose SLA is AT_RISK or BREACHED (`state`, BREACHED by default), most"
                    + " urgent first; `limit` 1 to 200, 50 by default.")
    @GetMapping("/breaches")
    List<TicketStatusView> breaches(@RequestParam(defaultValue = "BREACHED") SlaState state,
            @RequestParam(required = false) Integer limit) {
        if (state != SlaState.AT_RISK && state != SlaState.BREACHED) {
            throw new InvalidField("state", "field.sla-state");
        }
        return reads.inState(state, Cursor.limit(limit));
    }
}
