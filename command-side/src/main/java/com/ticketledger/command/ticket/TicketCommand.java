package com.ticketledger.command.ticket;

import java.util.UUID;

/** A command on an existing ticket. */
public interface TicketCommand {

    UUID ticketId();

    /** Who issues it. */
    Actor actor();

    /**
     * The version the caller last saw ({@code If-Match}); the command applies only at that version.
     * {@code null} applies it at whatever version the ticket is.
     */
    Long expectedVersion();
}
