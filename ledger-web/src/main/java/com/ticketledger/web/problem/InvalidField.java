package com.ticketledger.web.problem;

/**
 * A request field, parameter or header that is well-formed on its own but not acceptable (a 400 naming it):
 * fields that do not fit together, a malformed header, a cursor this service never handed out.
 */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
