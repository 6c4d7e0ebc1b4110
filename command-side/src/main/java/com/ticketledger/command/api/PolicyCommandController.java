package com.ticketledger.command.api;

import com.ticketledger.command.api.PolicyRequests.DefinitionRequest;
import com.ticketledger.command.api.PolicyRequests.RevisionRequest;
import com.ticketledger.command.policy.DefinePolicy;
import com.ticketledger.command.policy.RevisePolicy;
import com.ticketledger.command.policy.SlaPolicyDefinition;
import com.ticketledger.command.recording.CommandRecorder;
import com.ticketledger.command.recording.PolicyRecorded;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.web.access.DeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static com.ticketledger.command.api.CommandHeaders.CORRELATION_ID;
import static com.ticketledger.command.api.CommandHeaders.LEDGER_POSITION;

/** docs/api.md's SLA policies: request → command → committed event → answer, like every command. */
@RestController
@RequestMapping(path = "/api/sla-policies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "SLA policies", description = "The SLA policies contracts name: each definition or change appends one "
        + "version to the policy's stream, or is refused and writes nothing. A ticket keeps the version in force when "
        + "it was opened.")
class PolicyCommandController {

    private static final String TERMS = "`terms`: `officeCalendar` (the calendar that decides whether a ticket was "
            + "opened out of hours), `calendars` by name (each `zone`, and `twentyFourSeven: true` or `days`, `opens`, "
            + "`closes`, `holidays`), `priorities` (each of LOW, MEDIUM, HIGH, CRITICAL: `response`, "
            + "`outOfHoursResponse` (optional), `resolution`, `update`, written like `4h` or `5d`, and the `calendar` "
            + "they are counted in), `autoAcceptAfter` (like `5d`), `reopenWindow` (ISO-8601, e.g. `P30D`) and "
            + "`atRiskPercent` (1 to 99, 80 if left out). Terms that do not add up are a 400 problem naming each "
            + "field.";

    private final CommandRecorder recorder;

    PolicyCommandController(CommandRecorder recorder) {
        this.recorder = recorder;
    }

    /** What a policy command answers: the policy, the version it defined, and the event's position. */
    record PolicyAnswer(String name, int version, long position) {
    }

    @Sends(DefinePolicy.class)
    @Operation(operationId = "defineSlaPolicy", summary = "Define an SLA policy",
            description = "A new policy at version 1: `name` (lower-case letters, digits and `-`, at most 40), "
                    + TERMS + " An optional `reason`. A name defined already is a 409.\n\n**Who:** OPERATOR.")
    @ResponseStatus(HttpStatus.CREATED) // the status the answer below always has, for the document
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyAnswer> define(@Valid @RequestBody DefinitionRequest body, CommandHeaders headers) {
        Actor actor = actor();
        SlaPolicyDefinition.requireMayDefine(actor, "define");
        SlaPolicyTerms terms = body.terms().toTerms();
        return record(actor, headers, List.of("sla-policy", body),
                () -> new DefinePolicy(body.name(), terms, body.reason(), actor));
    }

    @Sends(RevisePolicy.class)
    @Operation(operationId = "reviseSlaPolicy", summary = "Change an SLA policy",
            description = "The policy's next version, with all its terms: " + TERMS + " An optional `reason`. "
                    + "Tickets already opened keep the version they were opened under; tickets opened from now on "
                    + "get this one. An unknown name is a 404; `If-Match` names the version the change is for "
                    + "(412 when another came since).\n\n**Who:** OPERATOR.")
    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PolicyAnswer> revise(@PathVariable String name, @Valid @RequestBody RevisionRequest body,
            CommandHeaders headers) {
        Actor actor = actor();
        SlaPolicyDefinition.requireMayDefine(actor, "revise");
        PolicyRequests.requirePolicyName(name);
        SlaPolicyTerms terms = body.terms().toTerms();
        Integer expected = headers.expectedVersion() == null ? null
                : (int) Math.min(Integer.MAX_VALUE, headers.expectedVersion());
        return record(actor, headers, List.of("sla-policy", name, body, String.valueOf(expected)),
                () -> new RevisePolicy(name, terms, body.reason(), actor, expected));
    }

    private static Actor actor() {
        DeskPrincipal principal = DeskPrincipal.current();
        return new Actor(principal.name(), principal.role(), principal.organisation(), principal.level());
    }

    private ResponseEntity<PolicyAnswer> record(Actor actor, CommandHeaders headers, List<?> request,
            Supplier<?> command) {
        PolicyRecorded recorded = recorder.recordPolicyChange(actor, headers.correlationId(),
                headers.idempotencyKey(), new ArrayList<>(request), command);
        ResponseEntity.BodyBuilder answer = recorded.created()
                ? ResponseEntity.created(URI.create("/api/sla-policies/" + recorded.name()))
                : ResponseEntity.ok();
        return answer.eTag(CommandHeaders.etag(recorded.version()))
                .header(LEDGER_POSITION, Long.toString(recorded.position()))
                .header(CORRELATION_ID, headers.correlationId())
                .body(new PolicyAnswer(recorded.name(), recorded.version(), recorded.position()));
    }
}
