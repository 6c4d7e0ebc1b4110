package com.ticketledger.command.recording;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandAdmissionTest {

    static CommandAdmission admission(int concurrency, Duration maxWait) {
        return new CommandAdmission(new CommandAdmissionProperties(concurrency, maxWait), new SimpleMeterRegistry());
    }

    @Test
    void noConcurrencyNamedMeansTwiceTheCores() {
        assertThat(admission(0, Duration.ofSeconds(3)).slots())
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(admission(3, Duration.ofSeconds(3)).slots()).isEqualTo(3);
    }

    @Test
    void refusesANegativeConcurrencyOrWait() {
        assertThatThrownBy(() -> new CommandAdmissionProperties(-1, Duration.ofSeconds(3)))
                .hasMessageContaining("ledger.commands.concurrency");
        assertThatThrownBy(() -> new CommandAdmissionProperties(2, Duration.ofSeconds(-1)))
                .hasMessageContaining("ledger.commands.max-wait");
    }

    /** A command that has its slot and keeps it until {@link #end}. */
    record Holding(CompletableFuture<Object> running, CountDownLatch ending) {

        static Holding of(CommandAdmission admission) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch ending = new CountDownLatch(1);
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
                started.countDown();
                return ended(ending);
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).as("the first command has its slot").isTrue();
            return new Holding(running, ending);
        }

        void end() throws Exception {
            ending.countDown();
            running.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCommandRunsOnlyOnceASlotIsGivenBack() throws Exception {
        CommandAdmission admission = admission(1, Duration.ofSeconds(5));
        List<String> order = new CopyOnWriteArrayList<>();
        Holding first = Holding.of(admission);
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> admission.admit(() -> order.add("second")));
        await("the second command waits for the slot").atMost(Duration.ofSeconds(5))
                .until(() -> admission.waiting() == 1);
        assertThat(waiting).isNotDone();
        order.add("first ends");
        first.end();
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(order).containsExactly("first ends", "second");
        assertThat(admission.free()).isEqualTo(1);
    }

    @Test
    void aCommandThatWaitsLongerThanTheMaxWaitIsRefusedWithoutRunning() throws Exception {
        CommandAdmission admission = admission(1, Duration.ofMillis(50));
        Holding first = Holding.of(admission);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> admission.admit(() -> ran.getAndSet(true))).isInstanceOf(CommandsBusy.class)
                .hasMessageContaining("all 1 of this instance's command slots");
        assertThat(ran).isFalse();
        first.end();
        assertThat(admission.free()).as("the refused command took no slot").isEqualTo(1);
    }

    @Test
    void itsGaugesCountTheCommandsRunningAndWaiting() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CommandAdmission admission = new CommandAdmission(
                new CommandAdmissionProperties(1, Duration.ofSeconds(5)), registry);
        Holding first = Holding.of(admission);
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> admission.admit(() -> true));
        await("the gauge counts the second command waiting").atMost(Duration.ofSeconds(5))
                .until(() -> registry.get("ledger.commands.waiting").gauge().value() == 1);
        assertThat(registry.get("ledger.commands.running").gauge().value()).isEqualTo(1);
        first.end();
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(registry.get("ledger.commands.running").gauge().value()).isZero();
        assertThat(registry.get("ledger.commands.waiting").gauge().value()).isZero();
    }

    @Test
    void aCommandThatFailsGivesItsSlotBack() {
        CommandAdmission admission = admission(2, Duration.ofMillis(50));
        assertThatThrownBy(() -> admission.admit(() -> {
            throw new IllegalStateException("refused by the ticket");
        })).hasMessage("refused by the ticket");
        assertThat(admission.free()).isEqualTo(2);
    }

    private static boolean ended(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
