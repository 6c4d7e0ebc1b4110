package com.ticketledger.web.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: a token bucket per user name and another per client address, each holding the
 * failed log-ins still allowed. A failure takes a token from both; an empty bucket refuses the next attempt
 * before its password is looked at; a successful log-in refills the user name's bucket (not the address's, so
 * that one valid account does not let its holder try other people's passwords at will). Buckets are kept in
 * memory, in this process, for a window after their last use.
 */
public class LoginThrottle {

    private final LoginLimits limits;
    private final TimeMeter time;
    private final Cache<String, Bucket> byUser;
    private final Cache<String, Bucket> byAddress;

    public LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.time = new ClockTime(clock);
        this.byUser = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(limits.trackedKeys()).build();
        this.byAddress = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(limits.trackedKeys()).build();
    }

    /** Refuses the attempt when either bucket is empty. */
    public void check(String user, String address) {
        refuseIfEmpty(byUser.getIfPresent(user), LoginThrottled.Scope.USER);
        if (address != null) {
            refuseIfEmpty(byAddress.getIfPresent(address), LoginThrottled.Scope.ADDRESS);
        }
    }

    public void failed(String user, String address) {
        byUser.get(user, name -> bucket(limits.failuresPerUser())).tryConsume(1);
        if (address != null) {
            byAddress.get(address, name -> bucket(limits.failuresPerAddress())).tryConsume(1);
        }
    }

    public void succeeded(String user) {
        byUser.invalidate(user);
    }

    private static void refuseIfEmpty(Bucket bucket, LoginThrottled.Scope scope) {
        if (bucket == null) {
            return;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw new LoginThrottled(scope, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, limits.window()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** The buckets' time is the ledger's clock, so tests can move it. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
