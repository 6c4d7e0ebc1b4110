package com.ticketledger.query.notification;

/** Where a notification stands in the outbox. */
public enum NotificationStatus {
    /** Not delivered yet: waiting for its first attempt or its next one. */
    PENDING,
    /** Delivered (accepted by the SMTP server, or answered 2xx by the webhook). */
    SENT,
    /** Given up after the last attempt allowed; {@code lastError} says why. */
    FAILED
}
