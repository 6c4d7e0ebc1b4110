package com.ticketledger.events;

import java.util.UUID;

/**
 * An engineer took responsibility for the ticket (first assignment or re-assignment); the ticket is ASSIGNED.
 *
 * @param ticketId         the ticket
 * @param engineer         the user name of the engineer now assigned
 * @param previousEngineer who was assigned before, or {@code null} when nobody was
 * @param level            the level the ticket is at
 * @param via              how it happened: named by someone ({@link AssignedVia#DIRECT}) or taken from the head of
 *                         the level's queue by the engineer ({@link AssignedVia#TAKE_NEXT})
 */
public record TicketAssigned(UUID ticketId, String engineer, String previousEngineer, SupportLevel level,
        AssignedVia via) implements TicketEvent {

    /**
     * Events recorded before {@code via} existed do not carry it, and every one of them was a direct assignment:
     * they load as DIRECT. An added field with a default for the old events needs no new revision.
     */
    public TicketAssigned {
        via = via == null ? AssignedVia.DIRECT : via;
    }

    /** A direct assignment: someone named the engineer. */
    public TicketAssigned(UUID ticketId, String engineer, String previousEngineer, SupportLevel level) {
        this(ticketId, engineer, previousEngineer, level, AssignedVia.DIRECT);
    }
}
