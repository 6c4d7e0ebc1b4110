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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
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
 * before this one, for its domain's refusals. Titles and details are in the request's language
 * ({@link ProblemTexts}); Spring's own problems take their details from the bundles'
 * {@code problemDetail.<exception>} texts.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class LedgerProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LedgerProblemAdvice.class);

    /** Seconds a client should wait before retrying while the store is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemTexts texts;
    private final long uploadLimit;

    public LedgerProblemAdvice(ProblemTexts texts, long uploadLimit) {
        this.texts = texts;
        this.uploadLimit = uploadLimit;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the validator wrote the messages in the request's language
        List<Problems.FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new Problems.FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new Problems.FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String fields = errors.stream().map(Problems.FieldProblem::field).distinct().collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(texts.invalid("problem.invalid-request.fields", errors, fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(ex));
    }

    /** The servlet container found an upload over the multipart limits while it read the parts. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(texts.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "upload-too-large", uploadLimit, BodySizeLimitFilter.mebibytes(uploadLimit)));
    }

    /** Spring's own problems (405, 406, 415, …) get the title of their status in the request's language too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            texts.titled(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return texts.problem(HttpStatus.BAD_REQUEST, "body-too-large", tooLarge.limit(), tooLarge.limit() / 1024);
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof JsonParseException parse) {
            return malformed(parse);
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return texts.invalid("problem.invalid-request.field", List.of(fieldProblem(field, mapping)), field);
        }
        if (cause instanceof JsonProcessingException processing) {
            return malformed(processing);
        }
        return texts.problem(HttpStatus.BAD_REQUEST, "unreadable-body");
    }

    private ProblemDetail malformed(JsonProcessingException e) {
        ProblemDetail problem = texts.problem(HttpStatus.BAD_REQUEST, "malformed-json");
        if (e.getLocation() != null) {
            problem.setDetail(texts.text("problem.malformed-json.at", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()));
        }
        return problem;
    }

    private Problems.FieldProblem fieldProblem(String field, JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return texts.field(field, "field.one-of", Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return texts.field(field, "field.unknown");
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return texts.field(field, "field.must-be", describe(mismatch.getTargetType()));
        }
        return texts.field(field, "field.wrong-type-or-format");
    }

    private Object describe(Class<?> type) {
        if (type == String.class) {
            return texts.resolvable("type.string");
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return texts.resolvable("type.whole-number");
        }
        if (type == java.time.Instant.class) {
            return texts.resolvable("type.instant");
        }
        if (type == UUID.class) {
            return texts.resolvable("type.uuid");
        }
        if (type.isEnum()) {
            return texts.resolvable("type.one-of", Arrays.toString(type.getEnumConstants()));
        }
        return texts.resolvable(type.isArray() || List.class.isAssignableFrom(type) ? "type.array" : "type.object");
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

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField invalid) {
        return ResponseEntity.badRequest().body(texts.invalid("problem.invalid-request.field",
                List.of(texts.field(invalid.field(), invalid.messageKey(), invalid.arguments())), invalid.field()));
    }

    /** A multipart body the servlet container could not parse: cut short, without its boundary, malformed. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException ex) {
        return ResponseEntity.badRequest().body(texts.problem(HttpStatus.BAD_REQUEST, "malformed-multipart"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        Problems.FieldProblem problem = ex.getRequiredType() != null
                ? texts.field(ex.getName(), "field.must-be", describe(ex.getRequiredType()))
                : texts.field(ex.getName(), "field.wrong-type");
        return ResponseEntity.badRequest().body(texts.invalid("problem.invalid-request.parameter", List.of(problem),
                ex.getName()));
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> storeUnreachable(Exception ex) {
        log.warn("the store is unreachable: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(texts.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable"));
    }

    /** True for the failures that mean PostgreSQL cannot be reached: those {@link #storeUnreachable} answers. */
    static boolean unreachable(Throwable ex) {
        return ex instanceof CannotGetJdbcConnectionException || ex instanceof CannotCreateTransactionException
                || ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessResourceException;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, ex);
        return ResponseEntity.internalServerError().body(texts.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", reference));
    }
}
