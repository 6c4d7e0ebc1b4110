package com.ticketledger.command.recording;

/** The same user sent an Idempotency-Key again with a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    private final String key;

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
