package com.ticketledger.command.api;

/** A request whose fields are each well-formed but do not fit together, or a malformed header. */
class InvalidRequest extends RuntimeException {

    private final String field;

    InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
