package com.ticketledger.command.api;

import com.ticketledger.command.recording.Recorded;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.UUID;

import static com.ticketledger.command.api.CommandHeaders.CORRELATION_ID;
import static com.ticketledger.command.api.CommandHeaders.LEDGER_POSITION;

/**
 * What every command answers (docs/api.md): the ticket, its version after the command, and the global position
 * of the event written, which a reader passes as {@code minPosition} to read its own write.
 */
record CommandAnswer(UUID ticketId, String number, long version, long position) {

    /** The answer to a committed command: 201 with the ticket's Location when it opened or took one, else 200. */
    static ResponseEntity<CommandAnswer> answer(Recorded recorded, String correlationId) {
        ResponseEntity.BodyBuilder answer = recorded.created()
                ? ResponseEntity.created(URI.create("/api/tickets/" + recorded.ticketId()))
                : ResponseEntity.ok();
        return answer.eTag(CommandHeaders.etag(recorded.version()))
                .header(LEDGER_POSITION, Long.toString(recorded.position()))
                .header(CORRELATION_ID, correlationId)
                .body(new CommandAnswer(recorded.ticketId(), recorded.number(), recorded.version(), recorded.position()));
    }
}
