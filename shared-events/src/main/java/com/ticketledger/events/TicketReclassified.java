package com.ticketledger.events;

import java.util.UUID;

/**
 * The desk corrected the ticket's priority, type or category. The SLA targets become the new priority's,
 * measured from the opening; the ticket takes its new place in the queues at once. Both sides of each field
 * are carried, changed or not, so that a reader needs no earlier event to say what changed.
 *
 * @param ticketId       the ticket
 * @param number         the ticket's number, for notifications and the queues
 * @param clientId       the client organisation, for notifications
 * @param status         the ticket's status, which a reclassification leaves as it was
 * @param fromPriority   the priority before
 * @param toPriority     the priority after
 * @param fromType       the type before
 * @param toType         the type after
 * @param fromCategory   the category before, or {@code null}
 * @param toCategory     the category after, or {@code null}
 * @param reason         why it was reclassified
 */
public record TicketReclassified(
        UUID ticketId,
        String number,
        String clientId,
        TicketStatus status,
        Priority fromPriority,
        Priority toPriority,
        TicketType fromType,
        TicketType toType,
        String fromCategory,
        String toCategory,
        String reason) implements TicketEvent {
}
