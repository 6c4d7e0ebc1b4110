package com.ticketledger.events;

import java.util.UUID;

/**
 * The ticket went up one support level. To L2 or L3 it enters that level's queue unassigned (status OPEN);
 * to VENDOR it stays ASSIGNED to its engineer, who follows the vendor's case, and the area manager must be
 * told: the event carries what such a notifier needs without reading anything else.
 *
 * @param ticketId      the ticket
 * @param number        the ticket's number, for notifications
 * @param clientId      the client organisation, for notifications
 * @param title         the ticket's title, for notifications
 * @param priority      the ticket's priority, for notifications
 * @param fromLevel     the level it left
 * @param toLevel       the level it entered (always the one right above {@code fromLevel})
 * @param reason        why it was escalated
 * @param vendorCaseRef the vendor's case reference; set exactly when {@code toLevel} is VENDOR
 * @param engineer      who stays responsible: the assigned engineer for VENDOR, {@code null} otherwise
 */
public record TicketEscalated(
        UUID ticketId,
        String number,
        String clientId,
        String title,
        Priority priority,
        SupportLevel fromLevel,
        SupportLevel toLevel,
        String reason,
        String vendorCaseRef,
        String engineer) implements TicketEvent {
}
