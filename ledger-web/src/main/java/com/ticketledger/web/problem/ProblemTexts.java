package com.ticketledger.web.problem;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.util.Arrays;
import java.util.List;

/**
 * A problem's words in the request's language ({@link LocaleContextHolder}, set for every request): the title by
 * status ({@code problem.title.<status>}), the detail by the problem's code ({@code problem.<code>}). An enum among
 * the arguments is shown by its name for people ({@code <Enum>.<NAME>}, e.g. {@code TicketStatus.CLOSED});
 * numbers are shown as they are, without grouping.
 */
public class ProblemTexts {

    private final MessageSource messages;

    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text under {@code key}; a key missing from the bundles shows as itself rather than failing the answer. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments(arguments), key, LocaleContextHolder.getLocale());
    }

    /** A problem whose detail is the text {@code problem.<code>} with these arguments. */
    public ProblemDetail problem(HttpStatus status, String code, Object... arguments) {
        return titled(Problems.of(status, code, text("problem." + code, arguments)));
    }

    /** A 400 naming each offending field; {@code detailKey} says which (one field, several, a parameter). */
    public ProblemDetail invalid(String detailKey, List<Problems.FieldProblem> errors, Object... arguments) {
        return titled(Problems.invalid(text(detailKey, arguments), errors));
    }

    /** A field's message: {@code key} is a text of the bundles. */
    public Problems.FieldProblem field(String field, String key, Object... arguments) {
        return new Problems.FieldProblem(field, text(key, arguments));
    }

    /** A text resolved later, e.g. inside another text: one of the arguments of {@link #text}. */
    public MessageSourceResolvable resolvable(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments(arguments), key);
    }

    /** Sets the title for the problem's status in the request's language. */
    public ProblemDetail titled(ProblemDetail problem) {
        problem.setTitle(title(HttpStatusCode.valueOf(problem.getStatus())));
        return problem;
    }

    /** The status's name for people, e.g. "Conflict" / "Conflicto". */
    public String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String fallback = known == null ? "Error" : known.getReasonPhrase();
        return messages.getMessage("problem.title." + status.value(), null, fallback, LocaleContextHolder.getLocale());
    }

    private static Object[] arguments(Object... arguments) {
        return arguments == null ? null : Arrays.stream(arguments).map(ProblemTexts::argument).toArray();
    }

    private static Object argument(Object argument) {
        if (argument instanceof Enum<?> value) {
            return new DefaultMessageSourceResolvable(new String[] {
                    value.getDeclaringClass().getSimpleName() + "." + value.name()}, value.name());
        }
        if (argument instanceof Number number) {
            return number.toString();
        }
        if (argument instanceof MessageSourceResolvable || argument instanceof String || argument == null) {
            return argument;
        }
        return argument.toString();
    }
}
