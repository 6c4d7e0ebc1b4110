package com.ticketledger.query.attachment;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** No such attachment on the ticket, or one the reader may not see (INTERNAL, another organisation's): a 404. */
class AttachmentNotFound extends ResponseStatusException {

    AttachmentNotFound(UUID ticketId, UUID attachmentId) {
        super(HttpStatus.NOT_FOUND, "no attachment " + attachmentId + " on ticket " + ticketId, null,
                "problem.attachment-not-found", new Object[] {ticketId.toString(), attachmentId.toString()});
    }
}
