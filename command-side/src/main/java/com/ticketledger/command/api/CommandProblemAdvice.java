package com.ticketledger.command.api;

import com.ticketledger.command.recording.IdempotencyKeyReused;
import com.ticketledger.command.ticket.CommandRefused;
import com.ticketledger.web.problem.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's refusals as problems: the aggregate's {@link CommandRefused} by its stable reason, an
 * unknown ticket, a conflict that outlived the retries, and a reused Idempotency-Key. Everything else falls
 * through to the shared advice of ledger-web.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemAdvice {

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<ProblemDetail> refused(CommandRefused refusal) {
        return problem(status(refusal.reason()), refusal.reason().code(), refusal.getMessage());
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
        return problem(HttpStatus.NOT_FOUND, CommandRefused.Reason.TICKET_NOT_FOUND.code(),
                "no ticket " + missing.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification",
                "the ticket kept changing while this command was applied; read it again and retry");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused reused) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", reused.getMessage());
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
            default:
                throw new IllegalArgumentException("unmapped refusal " + reason);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }
}
