package com.ticketledger.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The last word on errors for both sides: malformed or invalid input becomes a 400 naming the fields, an
 * unreachable store a 503 with Retry-After, and anything unforeseen a 500 that says nothing of the internals
 * (its details go to the log under a reference the answer gives). Each side adds its own advice, ordered
 * before this one, for its domain's refusals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class LedgerProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LedgerProblemAdvice.class);

    /** Seconds a client should wait before retrying while the store is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new Problems.FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new Problems.FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String fields = errors.stream().map(Problems.FieldProblem::field).distinct().collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(Problems.invalid("invalid fields: " + fields, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(ex));
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return Problems.of(HttpStatus.BAD_REQUEST, "body-too-large", tooLarge.getMessage());
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof JsonParseException parse) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "the body is not valid JSON"
                    + where(parse));
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            String message = fieldMessage(mapping);
            return Problems.invalid("invalid field: " + field, List.of(new Problems.FieldProblem(field, message)));
        }
        if (cause instanceof JsonProcessingException processing) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "the body is not valid JSON" + where(processing));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "a JSON body is required");
    }

    private static String fieldMessage(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type or format";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a whole number";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant, e.g. 2026-11-24T13:05:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a JSON " + (type.isArray() || List.class.isAssignableFrom(type) ? "array" : "object");
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField invalid) {
        return ResponseEntity.badRequest().body(Problems.invalid("invalid field: " + invalid.field(),
                List.of(new Problems.FieldProblem(invalid.field(), invalid.getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = ex.getRequiredType() == UUID.class ? "must be a UUID"
                : ex.getRequiredType() != null ? "must be " + describe(ex.getRequiredType()) : "has the wrong type";
        return ResponseEntity.badRequest().body(Problems.invalid("invalid parameter: " + ex.getName(),
                List.of(new Problems.FieldProblem(ex.getName(), message))));
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> storeUnreachable(Exception ex) {
        log.warn("the store is unreachable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(storeUnavailable());
    }

    /** True for the failures that mean PostgreSQL cannot be reached: those {@link #storeUnreachable} answers. */
    static boolean unreachable(Throwable ex) {
        return ex instanceof CannotGetJdbcConnectionException || ex instanceof CannotCreateTransactionException
                || ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessResourceException;
    }

    static ProblemDetail storeUnavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "the ledger's database cannot be reached; nothing was recorded. Retry later.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, ex);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "the ledger could not answer this request; reference " + reference));
    }
}
