package com.ticketledger.web.access;

import org.springframework.security.authentication.LockedException;

import java.time.Duration;

/**
 * Too many failed log-ins for this user name or from this address: answered 429 with {@code Retry-After},
 * and the password was not checked. A {@link LockedException} so that Spring Security's provider manager
 * passes it on as it is instead of trying another provider.
 */
public class LoginThrottled extends LockedException {

    /** Which allowance ran out: the user name's or the client address's. */
    public enum Scope {
        USER("for this user name"), ADDRESS("from this address");

        private final String words;

        Scope(String words) {
            this.words = words;
        }
    }

    private final Scope scope;
    private final Duration retryAfter;

    public LoginThrottled(Scope scope, Duration retryAfter) {
        super("too many failed log-ins " + scope.words + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.scope = scope;
        this.retryAfter = retryAfter;
    }

    public Scope scope() {
        return scope;
    }

    /** Whole seconds, at least one: when the next attempt will be considered. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
