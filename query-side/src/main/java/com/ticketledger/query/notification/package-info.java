/**
 * Notifications (processing group "notifications"): decided once from the events and the clock, kept in an
 * outbox, and delivered by e-mail and webhooks with retries.
 */
package com.ticketledger.query.notification;
