package com.ticketledger.events;

import java.util.UUID;

/**
 * Somebody recorded something on the ticket (the desks' "Novedades"). The author is in the metadata.
 *
 * @param ticketId   the ticket
 * @param text       what was recorded
 * @param visibility PUBLIC (the client sees it) or INTERNAL (desk only)
 */
public record NoteAdded(UUID ticketId, String text, Visibility visibility) implements TicketEvent {
}
