package com.ticketledger.web.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;
import java.util.Map;

/** The {@code Problem} of RFC 9457 as {@code Problems} writes it, and the {@code FieldProblem}s of a 400. */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    static final String PREFIX = "#/components/schemas/";

    private ProblemSchemas() {
    }

    static Schema<?> problemRef() {
        return new Schema<>().$ref(PREFIX + PROBLEM);
    }

    static Map<String, Schema<?>> all() {
        Schema<?> problem = new ObjectSchema()
                .description("An error (RFC 9457). Never a stack trace.")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("What went wrong, stable and machine-readable: urn:ticketledger:problem:<code>,"
                                + " or about:blank when the HTTP status says it all")
                        .example("urn:ticketledger:problem:invalid-transition"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase").example("Conflict"))
                .addProperty("status", new IntegerSchema().description("The HTTP status").example(409))
                .addProperty("detail", new StringSchema().description("What happened, for a person to read")
                        .example("ticket TCK-000042 is CLOSED and cannot be assigned; only a reopening is allowed"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request's path (absent when the answer came before the request reached the API)")
                        .example("/api/tickets/0b6f0d1e-3c55-4c7e-9d5e-1f4f8a1b2c3d/assignment"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(PREFIX + FIELD_PROBLEM))
                        .description("On a 400 about fields, parameters or headers: each one that is missing or wrong"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        Schema<?> field = new ObjectSchema()
                .description("One field, parameter or header that is missing or wrong")
                .addProperty("field", new StringSchema().description("The JSON path of the field, or the parameter's"
                        + " or header's name").example("reporter.email"))
                .addProperty("message", new StringSchema().description("What is wrong with it")
                        .example("an email or a phone is required"));
        field.setRequired(List.of("field", "message"));
        return Map.of(PROBLEM, problem, FIELD_PROBLEM, field);
    }
}
