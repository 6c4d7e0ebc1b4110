package com.ticketledger.query.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: every {@code ledger.notifications.delivery.poll-interval} it claims what is due and sends
 * each by its channel, outside any projection's transaction, and records SENT, or the failed attempt with its
 * error and the next try after an exponential back-off, or FAILED after the last attempt allowed. Several
 * instances may run it: a claim skips the rows another holds. An unreachable server costs attempts, never a
 * command or a projection.
 */
@Component
class NotificationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final Outbox outbox;
    private final MailDelivery mail;
    private final WebhookDelivery webhooks;
    private final NotificationProperties.Delivery settings;
    private final Clock clock;
    private volatile ScheduledExecutorService poller;

    NotificationSender(Outbox outbox, MailDelivery mail, WebhookDelivery webhooks, NotificationProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    /**
     * When a notification that failed its {@code attempts}-th attempt is tried again: {@code backoff × 2^(attempts
     * - 1)}, at most {@code maxBackoff}, after {@code now}; {@code null} when that was the last attempt allowed.
     */
    static Instant retryAt(Instant now, int attempts, Duration backoff, Duration maxBackoff, int maxAttempts) {
        if (attempts >= maxAttempts) {
            return null;
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }

    /** Sends what is due now, batch after batch; answers how many were tried. */
    int sendDue() {
        int tried = 0;
        List<Outbox.Claimed> batch;
        do {
            batch = outbox.claimDue(clock.instant(), settings.batchSize(), settings.lease());
            send(batch);
            tried += batch.size();
        } while (batch.size() == settings.batchSize() && poller != null && !poller.isShutdown());
        return tried;
    }

    /**
     * Sends a claimed batch: its e-mails over one connection, its webhook calls one by one; then records the sent
     * ones in one statement, and each failure with its next attempt. A sender that stops in between leaves the
     * batch claimed until its lease ends, and it is sent again then: delivery is at least once, as it was one
     * notification at a time.
     */
    private void send(List<Outbox.Claimed> batch) {
        List<Outbox.Claimed> mails = batch.stream()
                .filter(notification -> notification.channel() == NotificationChannel.EMAIL).toList();
        Map<UUID, Exception> failures = new HashMap<>(mails.isEmpty() ? Map.of() : mail.deliver(mails));
        for (Outbox.Claimed notification : batch) {
            if (notification.channel() == NotificationChannel.EMAIL) {
                continue;
            }
            try {
                webhooks.deliver(notification);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(notification.id(), e);
            } catch (Exception e) {
                failures.put(notification.id(), e);
            }
        }
        outbox.sent(batch.stream().map(Outbox.Claimed::id).filter(id -> !failures.containsKey(id)).toList(),
                clock.instant());
        batch.stream().filter(notification -> failures.containsKey(notification.id()))
                .forEach(notification -> failed(notification, failures.get(notification.id())));
    }

    private void failed(Outbox.Claimed notification, Exception e) {
        int attempts = notification.attempts() + 1;
        Instant retryAt = retryAt(clock.instant(), attempts, settings.backoff(), settings.maxBackoff(),
                settings.maxAttempts());
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("notification {} ({} to {}) not delivered, attempt {}: {}; {}", notification.id(),
                notification.kind(), notification.recipient(), attempts, error,
                retryAt == null ? "given up" : "next attempt at " + retryAt);
        outbox.failed(notification.id(), error, retryAt);
    }

    private void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // the database is unreachable, say: the next poll tries again
            log.warn("the notification sender could not read the outbox: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-sender");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = poller;
        if (running != null) {
            running.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
