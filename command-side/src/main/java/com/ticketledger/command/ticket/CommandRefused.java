package com.ticketledger.command.ticket;

/**
 * The ticket refused a command. The {@link Reason} is stable and machine-readable; the message is written for
 * a service-desk person ("ticket TCK-000042 is CLOSED; only a reopening is allowed"). The same sentence is
 * named by {@link #key()} with its {@link #arguments()}, so the HTTP edge can say it in the reader's language:
 * the arguments are values (ticket numbers, versions, enum constants, days) or {@link Phrase}s, never words.
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
        INVALID_COMMAND("invalid-command"),
        /** No such client organisation is registered. */
        CLIENT_NOT_FOUND("client-not-found"),
        /** The client has no contract in force: none, not yet, no more, or suspended. */
        NOT_ENTITLED("not-entitled"),
        /** The client organisation is registered already. */
        CLIENT_EXISTS("client-exists"),
        /** An SLA policy of that name is defined already. */
        POLICY_EXISTS("policy-exists");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A part of the sentence that is itself words: named by key, with its own arguments. */
    public record Phrase(String key, Object... arguments) {
    }

    private final Reason reason;
    private final String key;
    private final transient Object[] arguments;

    public CommandRefused(Reason reason, String key, String message, Object... arguments) {
        super(message);
        this.reason = reason;
        this.key = key;
        this.arguments = arguments;
    }

    public Reason reason() {
        return reason;
    }

    /** Which sentence this is, e.g. {@code status.assign}; stable, like the reason. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
