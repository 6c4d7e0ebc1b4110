/**
 * The path from an accepted request to a committed event: the actor and correlation id in the metadata,
 * ticket numbers, Idempotency-Key records written in the command's own transaction, a retry when another
 * instance appended first, and the global position of what was written.
 */
package com.ticketledger.command.recording;
