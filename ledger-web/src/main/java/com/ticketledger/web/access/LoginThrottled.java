package com.ticketledger.web.access;

import org.springframework.security.authentication.LockedException;

import java.time.Duration;

/**
 * Too many failed log-ins for this user name or from this address: answered 429 with {@code Retry-After},
 * and the password was not checked. A {@link LockedException} so that Spring Security's provider manager
 * passes it on as it is instead of trying another provider.
 */
public class LoginThrottled extends LockedException {

    private final Duration retryAfter;

    public LoginThrottled(String what, Duration retryAfter) {
        super("too many failed log-ins " + what + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: when the next attempt will be considered. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
