package com.ticketledger.query.notification;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender's back-off: doubling from the first wait, capped, and giving up after the last attempt. */
class NotificationSenderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void theWaitDoublesFromOneMinuteUpToTheCap() {
        Duration minute = Duration.ofMinutes(1);
        Duration hour = Duration.ofHours(1);
        assertThat(NotificationSender.retryAt(NOW, 1, minute, hour, 8)).isEqualTo(NOW.plus(minute));
        assertThat(NotificationSender.retryAt(NOW, 2, minute, hour, 8)).isEqualTo(NOW.plusSeconds(120));
        assertThat(NotificationSender.retryAt(NOW, 4, minute, hour, 8)).isEqualTo(NOW.plusSeconds(480));
        assertThat(NotificationSender.retryAt(NOW, 7, minute, hour, 8)).isEqualTo(NOW.plus(hour));
    }

    @Test
    void theLastAttemptAllowedGivesUp() {
        assertThat(NotificationSender.retryAt(NOW, 8, Duration.ofMinutes(1), Duration.ofHours(1), 8)).isNull();
    }

    @Property
    void theNextAttemptIsAfterNowAndNeverBeyondTheCap(@ForAll @IntRange(min = 1, max = 1_000) int attempts,
            @ForAll @LongRange(min = 1, max = 3_600) long backoffSeconds,
            @ForAll @LongRange(min = 1, max = 86_400) long capSeconds) {
        Duration cap = Duration.ofSeconds(capSeconds);
        Instant next = NotificationSender.retryAt(NOW, attempts, Duration.ofSeconds(backoffSeconds), cap, 1_001);
        assertThat(next).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(cap));
    }

    @Property
    void aLaterAttemptNeverWaitsLess(@ForAll @IntRange(min = 1, max = 999) int attempts,
            @ForAll @LongRange(min = 1, max = 3_600) long backoffSeconds) {
        Duration backoff = Duration.ofSeconds(backoffSeconds);
        Duration cap = Duration.ofDays(1);
        assertThat(NotificationSender.retryAt(NOW, attempts + 1, backoff, cap, 1_001))
                .isAfterOrEqualTo(NotificationSender.retryAt(NOW, attempts, backoff, cap, 1_001));
    }
}
