package com.ticketledger.query.notification;

/** How a notification travels. */
public enum NotificationChannel {
    EMAIL,
    WEBHOOK
}
