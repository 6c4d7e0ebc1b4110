package com.ticketledger.command;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A test's wait for something another thread or process brings about: a bounded poll of a condition. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@code atMost}. */
    public static void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
