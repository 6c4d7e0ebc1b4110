package com.ticketledger.query.admin;

import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports and administration")
@ProblemAnswers(ProblemResponse.SERVICE_UNAVAILABLE) // they read the database
class ProjectionAdminController {

    private final ProjectionAdmin admin;
    private final DeadLetters deadLetters;

    ProjectionAdminController(ProjectionAdmin admin, DeadLetters deadLetters) {
        this.admin = admin;
        this.deadLetters = deadLetters;
    }

    @Operation(operationId = "listProjections", summary = "Read the projections' progress",
            description = "Each projection's position, the ledger's head, the lag between them, whether it is being"
                    + " rebuilt, its progress (0 to 1) and the roles that may rebuild it; during a rebuild, the"
                    + " rebuild's own phase, position, progress, speed and ETA (`rebuild`).")
    @GetMapping
    List<ProjectionStatus> projections() {
        return admin.all();
    }

    /** 202: the rebuild runs on; watch it at {@code GET /api/admin/projections}. */
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection",
            description = "Rebuilds the projection from the first event into copies of its tables while its reads"
                    + " go on answering from the live tables (complete and current: the live processor keeps them"
                    + " so); once the copies hold every event, they take the live tables' place in one transaction."
                    + " Its progress and ETA are the answer's `rebuild`. Asked again while it runs, it starts over from"
                    + " the first event. An ANALYST may rebuild the reporting projection (`reports`), an OPERATOR any"
                    + " projection. 409 while another query-side instance rebuilds it.")
    @ApiResponse(responseCode = "202", description = "The rebuild has started: watch it at the `Location`.",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"))
    @ProblemAnswers({ProblemResponse.NOT_FOUND, ProblemResponse.CONFLICT})
    @ResponseStatus(HttpStatus.ACCEPTED) // the status the answer below always has, for the document
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        switch (admin.rebuild(name)) {
            case NO_SUCH_PROJECTION -> throw new ProjectionNotFound(name);
            case RUNNING_ELSEWHERE -> throw new ProjectionRebuildingElsewhere(name);
            default -> {
                // started (or started over): watch it
            }
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(admin.one(name).orElseThrow());
    }

    /** A projection's dead letters: how many, and the first tickets' parked events with why. */
    record DeadLetterList(String projection, long count, List<DeadLetters.Sequence> tickets) {
    }

    @Operation(operationId = "listDeadLetters", summary = "Read a projection's dead letters",
            description = "The events the projection failed on, parked by ticket (at most the first "
                    + DeadLetters.LISTED + " tickets; `count` is every parked event): which event, of which ticket,"
                    + " since when, and the exception's type and message. Each ticket's later events wait behind"
                    + " its first dead letter; other tickets go on.")
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @GetMapping("/{name}/dead-letters")
    DeadLetterList deadLetters(@PathVariable String name) {
        List<DeadLetters.Sequence> tickets = deadLetters.list(name).orElseThrow(() -> new ProjectionNotFound(name));
        return new DeadLetterList(name, deadLetters.count(name).orElse(0L), tickets);
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry a projection's dead letters",
            description = "Handles the parked events again once their cause is fixed, each ticket's in order; a"
                    + " ticket whose first letter fails again keeps its letters (with the new cause). Answers how many"
                    + " tickets were caught up and how many events are still parked.")
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @PostMapping("/{name}/dead-letters/retry")
    DeadLetters.Retried retryDeadLetters(@PathVariable String name) {
        return deadLetters.retry(name).orElseThrow(() -> new ProjectionNotFound(name));
    }

    /** How many of the ticket's parked events were dropped. */
    record Evicted(String projection, String ticketId, int evicted) {
    }

    @Operation(operationId = "evictDeadLetters", summary = "Drop a ticket's dead letters",
            description = "Drops every parked event of the ticket for good: the projection's rows for it then miss"
                    + " those events (and the ticket's later ones go on from where they are) until the projection is"
                    + " rebuilt. 404 when the ticket has none.")
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @DeleteMapping("/{name}/dead-letters/{ticketId}")
    Evicted evictDeadLetters(@PathVariable String name, @PathVariable UUID ticketId) {
        int evicted = deadLetters.evict(name, ticketId.toString()).orElseThrow(() -> new ProjectionNotFound(name));
        if (evicted == 0) {
            throw new DeadLettersNotFound(name, ticketId);
        }
        return new Evicted(name, ticketId.toString(), evicted);
    }
}
