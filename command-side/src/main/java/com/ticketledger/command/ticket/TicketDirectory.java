package com.ticketledger.command.ticket;

import java.util.Optional;
import java.util.UUID;

/**
 * What one ticket may know of another: that it exists, its number and its organisation. A ticket closed as a
 * duplicate names its original, which must be another ticket of the same organisation.
 */
@FunctionalInterface
public interface TicketDirectory {

    /** The ticket's opening facts, or empty if no ticket has that id. */
    Optional<Entry> find(UUID ticketId);

    /** A ticket as its opening named it. */
    record Entry(UUID ticketId, String number, String clientId) {
    }
}
