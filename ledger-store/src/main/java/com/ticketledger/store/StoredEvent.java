package com.ticketledger.store;

/**
 * One row of the ledger as PostgreSQL holds it: what the hash chain covers, and the chain's own columns.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData,
        byte[] previousHash,
        byte[] hash) {
}
