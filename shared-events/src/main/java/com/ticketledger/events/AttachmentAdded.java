package com.ticketledger.events;

import java.util.UUID;

/**
 * Somebody attached a file to the ticket (an error message, a screenshot). The event holds what the ledger
 * knows of the file; its bytes are kept once per {@code sha256} beside the ledger, so that the hash in this
 * event, which the chain protects, is what the bytes are checked against. The author is in the metadata.
 *
 * @param ticketId     the ticket
 * @param attachmentId the attachment, unique across the ledger
 * @param fileName     the name to show, as given by the uploader but cleaned of paths and control characters
 * @param mediaType    the type the ledger recognised in the bytes themselves, never the one the uploader claimed
 * @param size         the number of bytes
 * @param sha256       the SHA-256 of the bytes, 64 lower-case hexadecimal digits
 * @param visibility   PUBLIC (the client sees it) or INTERNAL (desk only)
 */
public record AttachmentAdded(UUID ticketId, UUID attachmentId, String fileName, String mediaType, long size,
        String sha256, Visibility visibility) implements TicketEvent {
}
