package com.ticketledger.query.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.store.MerkleTree;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code ./ledger verify-proof <proof.json> <checkpoint.json> <public-key>}: checks a proof the ledger handed
 * out with nothing but a checkpoint the auditor kept and the public key, offline, without Spring. The proof is
 * an inclusion proof ({@code GET …/events/{sequence}/proof}) or a consistency proof ({@code GET
 * /api/audit/ledger/consistency}); the public key is PEM, base64 DER, or the answer of {@code GET
 * /api/audit/ledger/public-key}. Exit status 0 when everything holds, 1 when something does not, 2 for bad
 * arguments or unreadable files.
 */
public final class VerifyProof {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final PrintStream out;
    private boolean holds = true;

    private VerifyProof(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 3) {
            out.println("usage: ./ledger verify-proof <proof.json> <checkpoint.json> <public-key>");
            return 2;
        }
        JsonNode proof;
        JsonNode checkpoint;
        PublicKey key;
        try {
            proof = JSON.readTree(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
            checkpoint = JSON.readTree(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
            key = publicKey(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot read the arguments: " + e.getMessage());
            return 2;
        }
        VerifyProof verifier = new VerifyProof(out);
        try {
            if (proof.has("auditPath")) {
                verifier.inclusion(proof, checkpoint, key);
            } else if (proof.has("proof") && proof.has("from") && proof.has("to")) {
                verifier.consistency(proof, checkpoint, key);
            } else {
                out.println("not a proof of the ledger: neither auditPath nor from, to and proof");
                return 2;
            }
        } catch (RuntimeException malformed) {
            out.println("FAIL  the proof or the checkpoint is malformed: " + malformed);
            return 1;
        }
        out.println(verifier.holds ? "OK    the proof holds" : "FAIL  the proof does not hold");
        return verifier.holds ? 0 : 1;
    }

    private void inclusion(JsonNode proof, JsonNode checkpoint, PublicKey key) {
        signed("the checkpoint", checkpoint, key);
        long treeSize = checkpoint.get("treeSize").asLong();
        check(proof.get("treeSize").asLong() == treeSize, "the proof is for the checkpoint's tree of " + treeSize
                + " events");
        byte[] leafHash = MerkleTree.leafHash(HEX.parseHex(proof.get("leaf").asText()));
        check(HEX.formatHex(leafHash).equals(proof.get("leafHash").asText()),
                "the leaf hash is SHA-256(0x00 || leaf)");
        long position = proof.get("position").asLong();
        check(MerkleTree.verifyInclusion(position, treeSize, leafHash, hashes(proof.get("auditPath")),
                HEX.parseHex(checkpoint.get("rootHash").asText())), "the audit path leads from the leaf at position "
                + position + " to the checkpoint's root (RFC 9162 §2.1.3.2)");
    }

    private void consistency(JsonNode proof, JsonNode kept, PublicKey key) {
        signed("the kept checkpoint", kept, key);
        long from = proof.get("from").asLong();
        long to = proof.get("to").asLong();
        long keptSize = kept.get("treeSize").asLong();
        // The other end comes with the proof; it counts only with a valid signature of its own.
        JsonNode other = keptSize == from ? proof.get("toCheckpoint") : proof.get("fromCheckpoint");
        check(keptSize == from || keptSize == to, "the kept checkpoint is one end of the proof (" + from + " → " + to
                + ")");
        signed("the other checkpoint", other, key);
        JsonNode first = keptSize == from ? kept : other;
        JsonNode second = keptSize == from ? other : kept;
        check(first.get("treeSize").asLong() == from && second.get("treeSize").asLong() == to,
                "the checkpoints' sizes are the proof's");
        check(MerkleTree.verifyConsistency(from, to, HEX.parseHex(first.get("rootHash").asText()),
                        HEX.parseHex(second.get("rootHash").asText()), hashes(proof.get("proof"))),
                "the tree of " + from + " events is a prefix of the tree of " + to + " (RFC 9162 §2.1.4.2)");
    }

    private void signed(String what, JsonNode checkpoint, PublicKey key) {
        byte[] text = Checkpoint.signedText(checkpoint.get("treeSize").asLong(), checkpoint.get("rootHash").asText(),
                checkpoint.get("at").asText());
        check(CheckpointKey.verify(key, text, Base64.getDecoder().decode(checkpoint.get("signature").asText())),
                what + " (" + checkpoint.get("treeSize").asLong() + " events at " + checkpoint.get("at").asText()
                        + ") is signed by the key");
    }

    private void check(boolean ok, String what) {
        out.println((ok ? "ok    " : "FAIL  ") + what);
        holds &= ok;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        return hashes;
    }

    /** PEM, base64 DER, or the JSON answer of the public-key endpoint. */
    static PublicKey publicKey(String text) throws IOException {
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            trimmed = JSON.readTree(trimmed).get("publicKey").asText();
        }
        return CheckpointKey.publicKey(CheckpointKey.decode(trimmed));
    }
}
