package com.ticketledger.query.checkpoint;

import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;

/**
 * A signed statement of the ledger's tree (docs/api.md): its size, its root, when, and the Ed25519 signature
 * of {@link #signedText()}.
 *
 * @param treeSize  how many events the tree holds: positions 0 … treeSize − 1
 * @param rootHash  the tree's root, RFC 9162's MTH, 64 hex digits
 * @param at        when it was recorded, ISO-8601 in UTC, exactly as signed
 * @param signature Ed25519 over {@link #signedText()}, base64
 */
@Schema(description = "A signed checkpoint of the ledger's Merkle tree.")
public record Checkpoint(long treeSize, String rootHash, String at, String signature) {

    /** The first line of the signed text; it names what is signed, so no other text of ours can pass for it. */
    static final String HEADER = "ticket-ledger checkpoint v1";

    /**
     * The bytes the signature covers, UTF-8: four lines, each ending in a line feed: {@value #HEADER}, the tree
     * size in decimal, the root hash in lower-case hex, the time as in {@link #at}. An outsider rebuilds them with
     * {@code printf 'ticket-ledger checkpoint v1\n%s\n%s\n%s\n' "$treeSize" "$rootHash" "$at"}.
     */
    public byte[] signedText() {
        return signedText(treeSize, rootHash, at);
    }

    static byte[] signedText(long treeSize, String rootHash, String at) {
        return (HEADER + "\n" + treeSize + "\n" + rootHash + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
