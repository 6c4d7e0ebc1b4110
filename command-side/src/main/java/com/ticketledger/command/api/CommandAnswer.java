package com.ticketledger.command.api;

import java.util.UUID;

/**
 * What every command answers (docs/api.md): the ticket, its version after the command, and the global position
 * of the event written, which a reader passes as {@code minPosition} to read its own write.
 */
record CommandAnswer(UUID ticketId, String number, long version, long position) {
}
