package com.ticketledger.command.api;

import com.ticketledger.command.attachment.UploadRefused;
import com.ticketledger.command.recording.CommandsBusy;
import com.ticketledger.command.recording.IdempotencyKeyReused;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.events.ClientEvent;
import com.ticketledger.events.SlaPolicyEvent;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.web.problem.ProblemTexts;
import com.ticketledger.web.problem.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The command side's refusals as problems: the aggregate's {@link CommandRefused} by its stable reason, an
 * unknown ticket, client or SLA policy, SLA terms that do not add up, a conflict that outlived the retries, a
 * reused Idempotency-Key, and a command that found no free slot in time. Everything else falls through to the
 * shared advice of ledger-web. The words are the request's language: a refusal's detail is the
 * text {@code refused.<key>} of the bundles with the refusal's arguments.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemAdvice {

    private final ProblemTexts texts;

    CommandProblemAdvice(ProblemTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<ProblemDetail> refused(CommandRefused refusal) {
        HttpStatus status = status(refusal.reason());
        String detail = texts.text("refused." + refusal.key(), arguments(refusal.arguments()));
        return ResponseEntity.status(status).body(texts.titled(Problems.of(status, refusal.reason().code(), detail)));
    }

    private Object[] arguments(Object[] arguments) {
        Object[] resolved = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            resolved[i] = arguments[i] instanceof CommandRefused.Phrase phrase
                    ? texts.resolvable("refused." + phrase.key(), arguments(phrase.arguments()))
                    : arguments[i];
        }
        return resolved;
    }

    /** Axon wraps a handler's exception when it crosses a process boundary; the refusal is its cause. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException wrapper) throws Exception {
        if (wrapper.getCause() instanceof CommandRefused refusal) {
            return refused(refusal);
        }
        throw wrapper;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing) {
        String stream = String.valueOf(missing.getAggregateIdentifier());
        if (stream.startsWith(ClientEvent.STREAM_PREFIX)) {
            return problem(HttpStatus.NOT_FOUND, CommandRefused.Reason.CLIENT_NOT_FOUND.code(),
                    stream.substring(ClientEvent.STREAM_PREFIX.length()));
        }
        if (stream.startsWith(SlaPolicyEvent.STREAM_PREFIX)) {
            return problem(HttpStatus.NOT_FOUND, "policy-not-found",
                    stream.substring(SlaPolicyEvent.STREAM_PREFIX.length()));
        }
        return problem(HttpStatus.NOT_FOUND, CommandRefused.Reason.TICKET_NOT_FOUND.code(),
                missing.getAggregateIdentifier());
    }

    /**
     * SLA terms that do not add up: a 400 naming each problem by its field of the request ({@code
     * terms.priorities.HIGH.response}), as the policy's arithmetic found them; nothing was written.
     */
    @ExceptionHandler(SlaPolicy.PolicyDoesNotAddUp.class)
    ResponseEntity<ProblemDetail> policyDoesNotAddUp(SlaPolicy.PolicyDoesNotAddUp refused) {
        List<Problems.FieldProblem> errors = refused.problems().stream().map(CommandProblemAdvice::fieldProblem)
                .toList();
        String fields = errors.stream().map(Problems.FieldProblem::field).distinct()
                .collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(texts.invalid("problem.invalid-request.fields", errors, fields));
    }

    /** {@code priorities.HIGH.out-of-hours-response must be …} → {@code terms.priorities.HIGH.outOfHoursResponse}. */
    static Problems.FieldProblem fieldProblem(String problem) {
        int end = problem.length();
        for (int i = 0; i < problem.length(); i++) {
            if (problem.charAt(i) == ' ' || problem.charAt(i) == ':') {
                end = i;
                break;
            }
        }
        StringBuilder field = new StringBuilder("terms.");
        boolean upper = false;
        for (char c : problem.substring(0, end).toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String message = problem.substring(end).replaceFirst("^:?\\s*", "");
        return new Problems.FieldProblem(field.toString(), message);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification");
    }

    @ExceptionHandler(UploadRefused.class)
    ResponseEntity<ProblemDetail> uploadRefused(UploadRefused refused) {
        return problem(refused.status(), refused.code(), refused.arguments());
    }

    @ExceptionHandler(QueueCommandController.QueueEmpty.class)
    ResponseEntity<ProblemDetail> queueEmpty(QueueCommandController.QueueEmpty empty) {
        return problem(HttpStatus.NOT_FOUND, "queue-empty", empty.level());
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused reused) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", reused.key());
    }

    /** Every command slot stayed taken for {@code ledger.commands.max-wait}: nothing was recorded; try again soon. */
    @ExceptionHandler(CommandsBusy.class)
    ResponseEntity<ProblemDetail> busy(CommandsBusy busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(texts.problem(HttpStatus.SERVICE_UNAVAILABLE, "commands-busy"));
    }

    private static HttpStatus status(CommandRefused.Reason reason) {
        switch (reason) {
            case TICKET_NOT_FOUND:
                return HttpStatus.NOT_FOUND;
            case NOT_ALLOWED:
                return HttpStatus.FORBIDDEN;
            case INVALID_TRANSITION:
                return HttpStatus.CONFLICT;
            case STALE_VERSION:
                return HttpStatus.PRECONDITION_FAILED;
            case INVALID_COMMAND:
                return HttpStatus.BAD_REQUEST;
            case CLIENT_NOT_FOUND:
                return HttpStatus.NOT_FOUND;
            case NOT_ENTITLED:
            case CLIENT_EXISTS:
            case POLICY_EXISTS:
                return HttpStatus.CONFLICT;
            default:
                throw new IllegalArgumentException("unmapped refusal " + reason);
        }
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Object... arguments) {
        return ResponseEntity.status(status).body(texts.problem(status, code, arguments));
    }
}
