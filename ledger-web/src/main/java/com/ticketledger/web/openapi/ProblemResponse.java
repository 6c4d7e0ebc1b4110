package com.ticketledger.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's error answers as the OpenAPI documents show them: each an {@code application/problem+json}
 * {@code Problem} with an example as the code writes it (see {@code Problems}, the problem advices and the
 * security handlers). An operation names the ones it really answers with {@link #addTo(Operation)}; the
 * document then holds each once, under {@code #/components/responses/<name>}.
 */
public enum ProblemResponse {

    BAD_REQUEST("BadRequest", 400, "Malformed JSON, a wrong type, a missing or invalid field, parameter or header, an"
            + " unknown enum value, or a body over the size limit (64 KiB): nothing is written. `errors` names each field.",
            Map.of("invalid-fields", example("Invalid fields", "invalid-request", 400,
                    Sample.TICKET + "/notes",
                    "invalid fields: priority, title",
                    List.of(Map.of("field", "priority", "message", "must be one of [LOW, MEDIUM, HIGH, CRITICAL]"),
                            Map.of("field", "title", "message", "must not be blank"))))),

    UNAUTHORIZED("Unauthorized", 401, "No credentials, or a wrong user name or password. The answer challenges for"
            + " HTTP Basic (`WWW-Authenticate`) unless the request says `X-Requested-With: XMLHttpRequest`.",
            Map.of("unauthenticated", example("No credentials", "unauthenticated", 401, null,
                    "log in with a user name and password of the desk (HTTP Basic, or the web pages' log-in)", null))),

    TOO_MANY_REQUESTS("TooManyRequests", 429, "Too many failed log-ins for this user name or from this client address"
            + " (`ledger.security.login-limits`): the password was not checked. `Retry-After` says when to try again.",
            Map.of("too-many-log-ins", example("Too many failed log-ins", "too-many-log-ins", 429, null,
                    "too many failed log-ins for this user name; try again in 90 s (the password was not checked)",
                    null))),

    FORBIDDEN("Forbidden", 403, "The access rules do not let the caller's role do this (the operation's"
            + " description names the roles that may).",
            Map.of("forbidden", example("A role that may not", "forbidden", 403, null,
                    "your role may not do this: GET /api/audit/tickets/0b6f0d1e-3c55-4c7e-9d5e-1f4f8a1b2c3d/events",
                    null))),

    NOT_ALLOWED("NotAllowed", 403, "The ticket's rules do not let the caller issue this command (its role, or a"
            + " client with an INTERNAL note, or an engineer on a ticket assigned to someone else); nothing is written.",
            Map.of("not-allowed", example("A role that may not", "not-allowed", 403, "/api/tickets",
                    "a AUDITOR may not open tickets", null))),

    NOT_FOUND("NotFound", 404, "No such ticket (or projection), or a ticket of another organisation: a client never"
            + " learns that it exists.",
            Map.of("command-on-no-ticket", example("A command on no such ticket", "ticket-not-found", 404,
                            Sample.TICKET + "/notes", "no ticket 0b6f0d1e-3c55-4c7e-9d5e-1f4f8a1b2c3d", null),
                    "read-of-no-ticket", example("A read of no such ticket", "about:blank", 404, Sample.TICKET,
                            "no ticket 0b6f0d1e-3c55-4c7e-9d5e-1f4f8a1b2c3d", null))),

    CLIENT_NOT_FOUND("ClientNotFound", 404, "No such client is registered: no ticket may be opened for it, and it has"
            + " no contract or contacts to set; nothing is written.",
            Map.of("opening-for-no-client", example("An opening for an unregistered client", "client-not-found", 404,
                    "/api/tickets", "no client initech", null))),

    CLIENT_CONFLICT("ClientConflict", 409, "The client has no contract in force on the day (none, not started yet,"
            + " ended, or suspended: the detail says which, and why it is suspended), or a registration names a client"
            + " registered already; nothing is written.",
            Map.of("not-entitled", example("A client whose contract is suspended", "not-entitled", 409, "/api/tickets",
                            "the contract of client acme is suspended (unpaid); no ticket may be opened for it", null),
                    "client-exists", example("A client registered already", "client-exists", 409, "/api/clients",
                            "client acme is registered already; change its contract or contacts instead", null))),

    POLICY_NOT_FOUND("PolicyNotFound", 404, "No SLA policy has this name: there is nothing to change (define it with"
            + " `POST /api/sla-policies`); nothing is written.",
            Map.of("policy-not-found", example("A change of no such policy", "policy-not-found", 404,
                    "/api/sla-policies/gold", "no SLA policy gold", null))),

    POLICY_CONFLICT("PolicyConflict", 409, "An SLA policy of this name is defined already: change it with"
            + " `PUT /api/sla-policies/{name}` instead; nothing is written.",
            Map.of("policy-exists", example("A policy defined already", "policy-exists", 409, "/api/sla-policies",
                    "SLA policy premium exists already (version 1); change it instead", null))),

    QUEUE_EMPTY("QueueEmpty", 404, "Nobody is waiting in the level's queue: there is no ticket to take, and nothing"
            + " is written.",
            Map.of("queue-empty", example("An empty queue", "queue-empty", 404, "/api/queues/L2/next",
                    "nobody is waiting in the L2 queue: there is no ticket to take", null))),

    CONFLICT("Conflict", 409, "The ticket's state does not allow this command now (the detail names the state and"
            + " what is allowed), or the ticket kept changing while the command was applied; nothing is written.",
            Map.of("invalid-transition", example("Not allowed in this state", "invalid-transition", 409,
                    Sample.TICKET + "/assignment",
                    "ticket TCK-000042 is CLOSED and cannot be assigned; only a reopening is allowed", null))),

    PRECONDITION_FAILED("PreconditionFailed", 412, "`If-Match` names a version that is not the ticket's current"
            + " version; nothing is written. Read the ticket again.",
            Map.of("stale-version", example("A stale If-Match", "stale-version", 412,
                    Sample.TICKET + "/reopening",
                    "ticket TCK-000042 is at version 5, not at version 3 as the request's If-Match says; read it again",
                    null))),

    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415, "The body is not `application/json` (`multipart/form-data`"
            + " for an attachment), or an attached file is of a denied type, by its bytes or by its name's extension"
            + " (`ledger.attachments.denied-media-types`, `denied-extensions`); nothing is written.",
            Map.of("unsupported-media-type", example("Not JSON", "about:blank", 415,
                    Sample.TICKET + "/notes",
                    "Content-Type 'text/plain;charset=UTF-8' is not supported.", null),
                    "denied-media-type", example("An executable attached", "denied-media-type", 415,
                    Sample.TICKET + "/attachments",
                    "files of type application/x-msdownload may not be attached; nothing was recorded", null))),

    CONTENT_TOO_LARGE("ContentTooLarge", 413, "The attached file is larger than `ledger.attachments.max-size`"
            + " (10 MiB); nothing is written.",
            Map.of("upload-too-large", example("A file over the limit", "upload-too-large", 413,
                    Sample.TICKET + "/attachments",
                    "a file may be at most 10 MiB (10485760 bytes); nothing was recorded", null))),

    UNPROCESSABLE_CONTENT("UnprocessableContent", 422, "The `Idempotency-Key` was already used by this user for a"
            + " different request; nothing is written.",
            Map.of("idempotency-key-reused", example("A key reused for another request", "idempotency-key-reused", 422,
                    Sample.TICKET + "/reopening",
                    "Idempotency-Key 'reopen-1' was already used for a different request; use a new key", null))),

    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "The ledger's database cannot be reached; nothing is recorded."
            + " Retry after `Retry-After` seconds.",
            Map.of("store-unavailable", Sample.storeUnavailable())),

    COMMAND_UNAVAILABLE("CommandUnavailable", 503, "The ledger's database cannot be reached, or every command slot of"
            + " this instance stayed taken for `ledger.commands.max-wait` (3 s): nothing is recorded. Retry after"
            + " `Retry-After` seconds.",
            Map.of("store-unavailable", Sample.storeUnavailable(),
                    "commands-busy", example("Every command slot is taken", "commands-busy", 503, Sample.TICKET,
                            "the ledger is working on as many commands as it takes at once, and this one waited too"
                                    + " long for its turn; nothing was recorded. Retry after Retry-After seconds.",
                            null))),

    READ_UNAVAILABLE("ReadUnavailable", 503, "The projection has not reached the position the read names"
            + " (`minPosition` or `X-Ledger-Position`) within the wait (`ledger.reads.max-wait`, 5 s), or the ledger's"
            + " database cannot be reached. Retry after `Retry-After` seconds.",
            Map.of("projection-behind", example("The projection is behind", "about:blank", 503, Sample.TICKET,
                            "the ticket-status projection has not reached position 1042 within 5000 ms; retry shortly", null),
                    "store-unavailable", Sample.storeUnavailable()));

    /** The paths the examples name, and the example several answers share. */
    private static final class Sample {
        static final String TICKET = "/api/tickets/0b6f0d1e-3c55-4c7e-9d5e-1f4f8a1b2c3d";

        static Example storeUnavailable() {
            return example("The database is away", "store-unavailable", 503, TICKET,
                    "the ledger's database cannot be reached; nothing was recorded. Retry later.", null);
        }
    }

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PREFIX = "#/components/responses/";

    private final String componentName;
    private final int status;
    private final String description;
    private final Map<String, Example> examples;

    ProblemResponse(String componentName, int status, String description, Map<String, Example> examples) {
        this.componentName = componentName;
        this.status = status;
        this.description = description;
        this.examples = examples;
    }

    /** Says that {@code operation} answers with this problem (one response per status: the last one named wins). */
    public void addTo(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().addApiResponse(Integer.toString(status),
                new ApiResponse().$ref(PREFIX + componentName));
    }

    public int status() {
        return status;
    }

    String componentName() {
        return componentName;
    }

    ApiResponse component() {
        MediaType problem = new MediaType().schema(ProblemSchemas.problemRef());
        if (examples.size() == 1) {
            problem.setExample(examples.values().iterator().next().getValue());
        } else {
            problem.setExamples(new java.util.TreeMap<>(examples));
        }
        ApiResponse response = new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, problem));
        if (status == 401) {
            response.addHeaderObject("WWW-Authenticate", new Header().$ref(ResponseHeaders.WWW_AUTHENTICATE));
        }
        if (status == 503 || status == 429) {
            response.addHeaderObject("Retry-After", new Header().$ref(ResponseHeaders.RETRY_AFTER));
        }
        return response;
    }

    static ProblemResponse named(String componentName) {
        for (ProblemResponse response : values()) {
            if (response.componentName.equals(componentName)) {
                return response;
            }
        }
        return null;
    }

    /** {@code instance} is absent when a filter answered before the request reached a controller. */
    private static Example example(String summary, String code, int status, String instance, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.startsWith("about:") ? code : "urn:ticketledger:problem:" + code);
        problem.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (errors != null) {
            problem.put("errors", errors);
        }
        return new Example().summary(summary).value(problem);
    }
}
