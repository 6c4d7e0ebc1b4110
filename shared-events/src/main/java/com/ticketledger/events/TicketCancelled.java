package com.ticketledger.events;

import java.util.UUID;

/**
 * The ticket was cancelled: withdrawn by its client, or closed by the desk as a duplicate, out of scope or
 * without a contract. Its status becomes CANCELLED, final: it leaves every queue and every SLA clock stops.
 *
 * @param ticketId          the ticket
 * @param number            the ticket's number, for notifications and the original's history
 * @param clientId          the client organisation (the original of a duplicate is of the same one)
 * @param reason            why it was cancelled
 * @param duplicateOf       the original ticket's id; set exactly when {@code reason} is DUPLICATE
 * @param duplicateOfNumber the original ticket's number; set exactly when {@code reason} is DUPLICATE
 * @param note              what the canceller said
 * @param fromStatus        OPEN, ASSIGNED or PENDING_CLOSURE
 * @param engineer          the engineer it was assigned to, or {@code null}
 */
public record TicketCancelled(
        UUID ticketId,
        String number,
        String clientId,
        CancellationReason reason,
        UUID duplicateOf,
        String duplicateOfNumber,
        String note,
        TicketStatus fromStatus,
        String engineer) implements TicketEvent {
}
