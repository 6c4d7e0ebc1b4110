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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports and administration")
@ProblemAnswers(ProblemResponse.SERVICE_UNAVAILABLE) // they read the database
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "listProjections", summary = "Read the projections' progress",
            description = "Each projection's position, the ledger's head, the lag between them, whether it is being"
                    + " rebuilt, its progress (0 to 1) and the roles that may rebuild it.")
    @GetMapping
    List<ProjectionStatus> projections() {
        return admin.all();
    }

    /** 202: the rebuild runs on; watch it at {@code GET /api/admin/projections}. */
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection",
            description = "Stops the projection, resets it to the first event and starts it again; its reads keep"
                    + " answering from the table as it refills, with `X-Projection-Rebuilding: true`. An ANALYST may"
                    + " rebuild the reporting projection (`reports`), an OPERATOR any projection. With several"
                    + " query-side instances, stop the processor on the others first.")
    @ApiResponse(responseCode = "202", description = "The rebuild has started: watch it at the `Location`.",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"))
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @ResponseStatus(HttpStatus.ACCEPTED) // the status the answer below always has, for the document
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        if (!admin.rebuild(name)) {
            throw new ProjectionNotFound(name);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(admin.one(name).orElseThrow());
    }
}
