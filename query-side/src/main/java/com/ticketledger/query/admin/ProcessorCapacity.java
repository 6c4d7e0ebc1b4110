package com.ticketledger.query.admin;

import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A processor's capacity as Axon's {@code CapacityMonitor} defines it: the time its events took from ingestion to
 * their report, summed over the last {@link #WINDOW_SECONDS} seconds, as a share of that window (1 is a thread busy
 * all the time). Kept as one sum per second of the window. Axon's monitor keeps one entry per event for ten minutes:
 * every processor reports every event of the ledger, so at the benchmark's rate that was millions of long-lived
 * objects that each young collection copied and the old generation held.
 */
final class ProcessorCapacity implements MessageMonitor<Message<?>> {

    static final int WINDOW_SECONDS = 60;

    /** What was reported in one second: {@code second} counts from the clock's origin. */
    private record Slot(long second, LongAdder busyNanos) {
    }

    private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(WINDOW_SECONDS);
    private final LongSupplier nanoTime;

    ProcessorCapacity() {
        this(System::nanoTime);
    }

    ProcessorCapacity(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = nanoTime.getAsLong();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                busy(nanoTime.getAsLong() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                busy(nanoTime.getAsLong() - start);
            }

            @Override
            public void reportIgnored() {
                busy(nanoTime.getAsLong() - start);
            }
        };
    }

    private void busy(long nanos) {
        long second = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong());
        int index = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        Slot slot = slots.get(index);
        if (slot == null || slot.second() != second) {
            Slot fresh = new Slot(second, new LongAdder());
            // a thread that lost the race finds the slot the winner put there, for this same second
            slot = slots.compareAndSet(index, slot, fresh) ? fresh : slots.get(index);
        }
        slot.busyNanos().add(nanos);
    }

    /** The busy time of the last {@link #WINDOW_SECONDS} seconds (the current one included), as a share of them. */
    double capacity() {
        long now = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong());
        long busy = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            Slot slot = slots.get(i);
            if (slot != null && slot.second() > now - WINDOW_SECONDS) {
                busy += slot.busyNanos().sum();
            }
        }
        return (double) busy / TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
    }
}
