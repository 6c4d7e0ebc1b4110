package com.ticketledger.events;

import java.util.UUID;

/**
 * An event in a ticket's stream. The set is closed: a new kind of event is a new record listed here,
 * and a changed event is a new revision with an upcaster, never an edit of a released record.
 *
 * <p>Who did it (user, role, organisation) and the correlation id travel in the event's metadata under the
 * keys of {@link MetaDataKeys}; when it happened is the event's own timestamp.
 */
public sealed interface TicketEvent
        permits TicketOpened, TicketAssigned, NoteAdded, TicketEscalated, TicketPendingClosure,
        ClosureAccepted, TicketReopened, AttachmentAdded, TicketReclassified, TicketCancelled {

    /** The ticket's internal id; also the aggregate id of its stream. */
    UUID ticketId();
}
