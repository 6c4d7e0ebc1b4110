package com.ticketledger.query.admin;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessorCapacityTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));
    private final ProcessorCapacity capacity = new ProcessorCapacity(now::get);

    @Test
    void isTheShareOfTheLastMinuteThatEventsWereInHand() {
        handle(1_500);
        advance(10_000);
        handle(3_000);
        handle(1_500);
        // 6 s of handling in the last minute
        assertThat(capacity.capacity()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void countsFailedAndIgnoredEventsAsTheirTimeWasSpentAlike() {
        MonitorCallback failed = capacity.onMessageIngested(GenericEventMessage.asEventMessage("x"));
        MonitorCallback ignored = capacity.onMessageIngested(GenericEventMessage.asEventMessage("y"));
        advance(3_000);
        failed.reportFailure(new IllegalStateException("poison"));
        ignored.reportIgnored();
        assertThat(capacity.capacity()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void forgetsWhatIsOlderThanTheWindow() {
        handle(6_000);
        advance(30_000);
        handle(3_000);
        assertThat(capacity.capacity()).isCloseTo(0.15, within(1e-9));
        // the 6 s were reported at 6 s, the 3 s at 39 s: at 66 s the first is a minute old, at 99 s the second
        advance(27_000);
        assertThat(capacity.capacity()).isCloseTo(0.05, within(1e-9));
        advance(33_000);
        assertThat(capacity.capacity()).isZero();
    }

    @Test
    void aSlotReusedAMinuteLaterStartsFromNothing() {
        handle(12_000);
        // reported at 72 s, in the slot the 12 s reported at 12 s were added to
        advance(60_000 - 600);
        handle(600);
        assertThat(capacity.capacity()).isCloseTo(0.01, within(1e-9));
    }

    /** An event handled for {@code millis}, reported at its end. */
    private void handle(long millis) {
        MonitorCallback callback = capacity.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        advance(millis);
        callback.reportSuccess();
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
