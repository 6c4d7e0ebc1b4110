package com.ticketledger.query.checkpoint;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The proofs' answers (docs/api.md); hashes in lower-case hex. */
final class Proofs {

    private Proofs() {
    }

    /**
     * That an event is in a checkpoint's tree (RFC 9162 §2.1.3).
     *
     * @param leaf       the leaf: the event's chain hash as its content gives it (its {@code hash} in the audit's
     *                   event list while untouched)
     * @param leafHash   SHA-256(0x00 || leaf)
     * @param position   the event's position in the tree
     * @param auditPath  the audit path, the leaf's side first
     * @param checkpoint the signed checkpoint whose root the path leads to
     */
    @Schema(description = "A Merkle inclusion proof of one event in a signed checkpoint.")
    record Inclusion(UUID ticketId, long sequence, long position, String leaf, String leafHash, long treeSize,
            List<String> auditPath, Checkpoint checkpoint) {
    }

    /**
     * That the tree of {@code from} events is a prefix of the tree of {@code to} (RFC 9162 §2.1.4).
     *
     * @param proof the consistency proof; empty when the sizes are equal
     */
    @Schema(description = "A Merkle consistency proof between two signed checkpoints.")
    record Consistency(long from, long to, String fromRootHash, String toRootHash, List<String> proof,
            Checkpoint fromCheckpoint, Checkpoint toCheckpoint) {
    }

    /**
     * The checkpoint signing key.
     *
     * @param publicKey the X.509 SubjectPublicKeyInfo, base64
     * @param pem       the same as PEM, for openssl
     */
    @Schema(description = "The public key that verifies the checkpoints' signatures.")
    record PublicKeyAnswer(String algorithm, String publicKey, String pem) {
    }
}
