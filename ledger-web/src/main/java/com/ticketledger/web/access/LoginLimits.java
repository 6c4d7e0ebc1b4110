package com.ticketledger.web.access;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ledger.security.login-limits.*}: how many failed log-ins are tolerated within a window before further
 * attempts are answered 429 without checking the password. The allowance comes back gradually: one more
 * attempt every {@code window / failures}.
 *
 * @param failuresPerUser    failed log-ins for one user name, whoever sends them
 * @param failuresPerAddress failed log-ins from one client address, whatever the user names
 * @param window             the time over which the allowance is restored in full
 * @param trackedKeys        at most this many user names and as many addresses are tracked at once
 */
public record LoginLimits(
        @DefaultValue("10") int failuresPerUser,
        @DefaultValue("30") int failuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("100000") int trackedKeys) {

    public LoginLimits {
        if (failuresPerUser < 1 || failuresPerAddress < 1 || window.isNegative() || window.isZero() || trackedKeys < 1) {
            throw new IllegalArgumentException("ledger.security.login-limits: failures must be 1 or more, "
                    + "the window longer than zero");
        }
    }

    /** The defaults, for code that builds its settings by hand. */
    public static LoginLimits defaults() {
        return new LoginLimits(10, 30, Duration.ofMinutes(15), 100_000);
    }
}
