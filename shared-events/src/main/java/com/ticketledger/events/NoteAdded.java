package com.ticketledger.events;

import java.util.UUID;

/**
 * Somebody recorded something on the ticket (the desks' "Novedades"). The author is in the metadata.
 *
 * @param ticketId       the ticket
 * @param text           what was recorded; the reporter's personal data when {@code personalDataOf} is given
 * @param visibility     PUBLIC (the client sees it) or INTERNAL (desk only)
 * @param personalDataOf the reporter's subject (normalised e-mail or phone) when an OPERATOR marked the note as
 *                       holding the reporter's personal data: the text is then encrypted under the reporter's key,
 *                       and erased with the rest of it. {@code null} for an unmarked note, and in events written
 *                       before notes could be marked.
 */
public record NoteAdded(UUID ticketId, @PersonalData String text, Visibility visibility,
        @PersonalData String personalDataOf) implements TicketEvent, DataSubject {

    /** A note not marked as personal data. */
    public NoteAdded(UUID ticketId, String text, Visibility visibility) {
        this(ticketId, text, visibility, null);
    }

    @Override
    public String dataSubject() {
        return personalDataOf;
    }
}
