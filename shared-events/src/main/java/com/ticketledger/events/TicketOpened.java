package com.ticketledger.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A problem was reported and the desk opened a ticket for it: OPEN, at L1, unassigned.
 * The opening time, from which every SLA clock runs, is the event's timestamp.
 *
 * @param ticketId        the internal id
 * @param number          the human-readable number given to the client at once, e.g. {@code TCK-000123}
 * @param clientId        the client organisation
 * @param reporter        who reported it
 * @param affectedService the affected service or equipment (an id or a free-text name), or {@code null}
 * @param title           a one-line summary
 * @param description     the problem as reported
 * @param affectedUsers   how many users are affected, or {@code null} if not said
 * @param occurredAt      when the problem started, as reported, or {@code null}
 * @param type            incident, request or change
 * @param priority        the priority as reported
 * @param channel         how it reached the desk, or {@code null}
 * @param category        the sub-category within the type ({@code ledger.tickets.categories}), or {@code null};
 *                        events written before it existed have none
 * @param slaPolicy       the name of the SLA policy of the client's contract at the opening (e.g. {@code standard});
 *                        {@code null} on events written before policies were kept in the ledger, which mean
 *                        version 1 of {@code standard} ({@link #STANDARD_POLICY})
 * @param slaPolicyVersion the version of that policy in force at the opening: the ticket's SLA for all its life,
 *                        also after a reclassification; {@code null} exactly when {@code slaPolicy} is
 */
public record TicketOpened(
        UUID ticketId,
        String number,
        String clientId,
        Reporter reporter,
        String affectedService,
        String title,
        String description,
        Integer affectedUsers,
        Instant occurredAt,
        TicketType type,
        Priority priority,
        Channel channel,
        String category,
        String slaPolicy,
        Integer slaPolicyVersion) implements TicketEvent {

    /** The policy every ticket opened before policies were kept in the ledger was measured by, as version 1. */
    public static final String STANDARD_POLICY = "standard";

    /** An opening without a policy stamp (as written before policies were kept in the ledger). */
    public TicketOpened(UUID ticketId, String number, String clientId, Reporter reporter, String affectedService,
            String title, String description, Integer affectedUsers, Instant occurredAt, TicketType type,
            Priority priority, Channel channel, String category) {
        this(ticketId, number, clientId, reporter, affectedService, title, description, affectedUsers, occurredAt,
                type, priority, channel, category, null, null);
    }

    /** The policy this ticket is measured by: the stamped one, or {@link #STANDARD_POLICY} on older events. */
    public String policyName() {
        return slaPolicy == null ? STANDARD_POLICY : slaPolicy;
    }

    /** The version of {@link #policyName()} this ticket is measured by: 1 on events older than the stamp. */
    public int policyVersion() {
        return slaPolicyVersion == null ? 1 : slaPolicyVersion;
    }

    /** An opening without a category. */
    public TicketOpened(UUID ticketId, String number, String clientId, Reporter reporter, String affectedService,
            String title, String description, Integer affectedUsers, Instant occurredAt, TicketType type,
            Priority priority, Channel channel) {
        this(ticketId, number, clientId, reporter, affectedService, title, description, affectedUsers, occurredAt,
                type, priority, channel, null);
    }
}
