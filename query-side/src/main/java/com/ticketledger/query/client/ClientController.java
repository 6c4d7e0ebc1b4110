package com.ticketledger.query.client;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.read.Page;
import com.ticketledger.query.read.Viewer;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md's client reads. A client reads its own organisation only; another's is a 404. */
@RestController
@RequestMapping(path = "/api/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(ClientProjection.GROUP)
@Tag(name = "Clients", description = "The client register: contracts, their SLA policy version in force and its"
        + " targets, contacts.")
class ClientController {

    private final ClientReads reads;

    ClientController(ClientReads reads) {
        this.reads = reads;
    }

    @Operation(operationId = "getClient", summary = "Read a client",
            description = "The client, its contract (with `inForce` today in its time zone, and its SLA policy's"
                    + " version in force with that version's targets) and its contacts. A client reads its own organisation only: another's is a 404, like"
                    + " an unknown one.\n\n**Who:** OPERATOR, ENGINEER, AUDITOR, ANALYST; a CLIENT its own.")
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @GetMapping("/{clientId}")
    ClientView client(@PathVariable String clientId) {
        return reads.find(clientId, Viewer.current()).orElseThrow(() -> new ClientNotFound(clientId));
    }

    @Operation(operationId = "listClients", summary = "List clients",
            description = "By client id; keyset-paginated (`cursor` from the previous page's `nextCursor`, `limit` 1"
                    + " to 200, 50 by default). A client sees its own organisation only.\n\n**Who:** OPERATOR,"
                    + " ENGINEER, AUDITOR, ANALYST; a CLIENT its own.")
    @GetMapping
    Page<ClientView> clients(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return reads.list(cursor, Cursor.limit(limit), Viewer.current());
    }
}
