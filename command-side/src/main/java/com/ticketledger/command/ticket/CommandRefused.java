package com.ticketledger.command.ticket;

/**
 * The ticket refused a command. The {@link Reason} is stable and machine-readable; the message is written for
 * a service-desk person ("ticket TCK-000042 is CLOSED; only a reopening is allowed").
 */
public class CommandRefused extends RuntimeException {

    /** Why a command was refused; each maps to one answer of the REST contract. */
    public enum Reason {
        /** No such ticket, or one the actor may not know exists. */
        TICKET_NOT_FOUND("ticket-not-found"),
        /** The actor's role may not issue this command on this ticket. */
        NOT_ALLOWED("not-allowed"),
        /** The command is not allowed in the ticket's current state. */
        INVALID_TRANSITION("invalid-transition"),
        /** The caller named a version that is not the ticket's current one. */
        STALE_VERSION("stale-version"),
        /** The command itself is incomplete or contradictory. */
        INVALID_COMMAND("invalid-command");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public CommandRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
