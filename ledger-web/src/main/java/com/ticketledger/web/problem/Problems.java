package com.ticketledger.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * How the ledger names its problems: {@code urn:ticketledger:problem:<code>}, a title and a readable detail.
 * {@link ProblemTexts} gives them their words in the request's language.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:ticketledger:problem:";

    private Problems() {
    }

    /** A problem of the given status; {@code code} is stable and machine-readable, {@code detail} is for people. */
    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** A 400 that names each offending field. */
    public static ProblemDetail invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * One field that is missing or wrong.
     *
     * @param field   the JSON path of the field, e.g. {@code reporter.email}
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {
    }
}
