package com.ticketledger.query.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of the outbox, as {@code GET /api/notifications} answers it.
 *
 * @param recipient an e-mail address, or the webhook's URL
 * @param language  the language of the message (es-AR, en)
 * @param attempts  how many deliveries were tried
 * @param sentAt    when it was delivered, or {@code null}
 * @param lastError why the last attempt failed, or {@code null}
 */
public record Notification(UUID id, UUID ticketId, NotificationKind kind, NotificationChannel channel,
        String recipient, String language, NotificationStatus status, int attempts, Instant createdAt,
        Instant sentAt, String lastError) {
}
