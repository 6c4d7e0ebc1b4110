package com.ticketledger.web.problem;

/**
 * A request field, parameter or header that is well-formed on its own but not acceptable (a 400 naming it):
 * fields that do not fit together, a malformed header, a cursor this service never handed out. What is wrong
 * is a text of the bundles ({@code messageKey}, with its arguments), shown in the request's language.
 */
public class InvalidField extends RuntimeException {

    private final String field;
    private final transient Object[] arguments;

    public InvalidField(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
