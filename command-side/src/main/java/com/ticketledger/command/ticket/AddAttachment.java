package com.ticketledger.command.ticket;

import com.ticketledger.events.Visibility;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Attach a file to the ticket. The file has been read and recognised before (its name cleaned, its type
 * sniffed, its hash computed); {@code content} travels with the command so that the bytes are stored in the
 * command's own transaction, and only if the ticket accepts it.
 */
public record AddAttachment(
        @TargetAggregateIdentifier UUID ticketId,
        UUID attachmentId,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        Visibility visibility,
        byte[] content,
        Actor actor,
        Long expectedVersion) implements TicketCommand {
}
