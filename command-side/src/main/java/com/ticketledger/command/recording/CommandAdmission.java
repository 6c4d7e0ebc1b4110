package com.ticketledger.command.recording;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many commands this instance decides and appends at once: {@code ledger.commands.concurrency} (twice the
 * cores by default); the others wait their turn, first come first served, up to {@code ledger.commands.max-wait},
 * and are then answered 503 ({@link CommandsBusy}) having recorded nothing.
 *
 * <p>The limit is on the work, not on the requests: a request is read, authenticated and validated before it waits,
 * and its answer is written after its turn. Its turn covers what holds a database connection and a core: the
 * aggregate's decision, the append and its commit. Eight commands at once on two cores ran no more of them a second
 * than four, but kept every core busy with them, and the projections that the desk's reads wait for waited for a
 * core: under the benchmark's full load the projection lag's p99 was 101 ms with eight, 38–44 ms with four
 * (docs/BENCHMARKS.md, session 20). The connection pool is not the limit: a command may need a second connection
 * (a data subject's first key is committed in a transaction of its own), and a pool as small as the limit would then
 * leave commands waiting for each other's connections.
 */
@Component
public class CommandAdmission {

    private final Semaphore slots;
    private final int size;
    private final long maxWaitNanos;

    /** Its gauges: {@code ledger.commands.running} and {@code ledger.commands.waiting}. */
    CommandAdmission(CommandAdmissionProperties properties, MeterRegistry registry) {
        this.size = properties.slots();
        this.slots = new Semaphore(size, true);
        this.maxWaitNanos = properties.maxWait().toNanos();
        Gauge.builder("ledger.commands.running", this, admission -> admission.size - admission.free())
                .description("commands being decided and appended now, at most ledger.commands.concurrency")
                .register(registry);
        Gauge.builder("ledger.commands.waiting", this, CommandAdmission::waiting)
                .description("commands waiting for a slot (ledger.commands.concurrency) before they are decided")
                .register(registry);
    }

    /** Runs {@code command} once a slot is free, holding the slot until it returns or throws. */
    public <T> T admit(Supplier<T> command) {
        try {
            if (!slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new CommandsBusy(size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandsBusy(size);
        }
        try {
            return command.get();
        } finally {
            slots.release();
        }
    }

    /** How many commands may run at once. */
    public int slots() {
        return size;
    }

    /** How many slots are free now: {@link #slots()} when no command runs. */
    public int free() {
        return slots.availablePermits();
    }

    /** How many commands wait for a slot now (an estimate while threads come and go, as the semaphore's). */
    public int waiting() {
        return slots.getQueueLength();
    }
}
