package com.ticketledger.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The per-ticket hash chain, recomputed independently of the database function {@code ledger_event_hash}
 * (db/store/V1): hash = SHA-256(previous hash, or nothing for a stream's first event, followed by each field
 * as a 4-byte big-endian length, -1 for NULL, and its bytes). The fields, in order: event id, ticket id,
 * sequence number (decimal), aggregate type, timestamp, payload type, payload revision, payload, metadata.
 */
public final class HashChain {

    private HashChain() {
    }

    /**
     * The outcome of recomputing a stream's chain.
     *
     * @param valid               every event is where the chain says, with the hash its content gives
     * @param events              how many events the stream holds
     * @param headHash            the stored hash of the last event ({@code null} for an empty stream)
     * @param firstBrokenSequence the first event whose sequence, link or hash does not hold; {@code null} if valid
     */
    public record Verification(boolean valid, int events, byte[] headHash, Long firstBrokenSequence) {
    }

    /**
     * Recomputes the chain from the stored content, independently of the database function. An event is
     * broken when its sequence is not the next one, when its stored previous hash is not its predecessor's
     * stored hash, or when its stored hash is not what its content and its predecessor's hash give.
     */
    public static Verification verify(List<StoredEvent> stream) {
        byte[] previous = null;
        long expectedSequence = 0;
        for (StoredEvent event : stream) {
            boolean holds = event.sequenceNumber() == expectedSequence
                    && Arrays.equals(event.previousHash(), previous)
                    && Arrays.equals(event.hash(), link(previous, event));
            if (!holds) {
                return new Verification(false, stream.size(), head(stream), event.sequenceNumber());
            }
            previous = event.hash();
            expectedSequence++;
        }
        return new Verification(true, stream.size(), head(stream), null);
    }

    private static byte[] head(List<StoredEvent> stream) {
        return stream.isEmpty() ? null : stream.get(stream.size() - 1).hash();
    }

    /** The hash an event must have when it follows an event whose hash is {@code previousHash}. */
    public static byte[] link(byte[] previousHash, StoredEvent event) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(256 + event.payload().length);
        if (previousHash != null) {
            content.writeBytes(previousHash);
        }
        field(content, event.eventIdentifier());
        field(content, event.aggregateIdentifier());
        field(content, Long.toString(event.sequenceNumber()));
        field(content, event.type());
        field(content, event.timeStamp());
        field(content, event.payloadType());
        field(content, event.payloadRevision());
        field(content, event.payload());
        field(content, event.metaData());
        return sha256(content.toByteArray());
    }

    private static void field(ByteArrayOutputStream content, String value) {
        field(content, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream content, byte[] value) {
        content.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            content.writeBytes(value);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
