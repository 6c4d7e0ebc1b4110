package com.ticketledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event as the ledger holds it (docs/api.md: sequence, position, type, timestamp, payload, metadata, hash,
 * previousHash). Hashes are lower-case hex.
 *
 * @param payloadType the stored type name (the Java class of the event, as serialized)
 */
record AuditEvent(
        long sequence,
        long position,
        String type,
        String payloadType,
        Instant timestamp,
        JsonNode payload,
        JsonNode metadata,
        String hash,
        String previousHash) {
}
