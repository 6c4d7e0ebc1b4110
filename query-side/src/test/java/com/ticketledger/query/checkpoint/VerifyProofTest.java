package com.ticketledger.query.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ticketledger.store.MerkleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier as an auditor runs it: files of a proof, a kept checkpoint and the public key, nothing
 * else. A tree of 13 leaves is built here, checkpoints signed with a fresh key.
 */
class VerifyProofTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path files;

    final CheckpointKey key = CheckpointKey.of(generated());
    final List<byte[]> leaves = new ArrayList<>();
    final List<byte[]> leafHashes = new ArrayList<>();

    VerifyProofTest() {
        for (int i = 0; i < 13; i++) {
            byte[] leaf = MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            leafHashes.add(MerkleTree.leafHash(leaf));
        }
    }

    static byte[] generated() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Checkpoint checkpoint(int size) {
        String root = HEX.formatHex(MerkleTree.root(MerkleTree.inMemory(leafHashes), size));
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return new Checkpoint(size, root, at,
                Base64.getEncoder().encodeToString(key.sign(Checkpoint.signedText(size, root, at))));
    }

    Path write(String name, Object value) throws Exception {
        Path file = files.resolve(name);
        Files.writeString(file, value instanceof String text ? text : JSON.writeValueAsString(value));
        return file;
    }

    int verify(Path proof, Path checkpoint, Path publicKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyProof.run(new String[] {proof.toString(), checkpoint.toString(), publicKey.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println(out.toString(StandardCharsets.UTF_8));
        return status;
    }

    Proofs.Inclusion inclusion(int position, Checkpoint checkpoint) {
        List<String> path = MerkleTree.inclusionProof(MerkleTree.inMemory(leafHashes), position, checkpoint.treeSize())
                .stream().map(HEX::formatHex).toList();
        return new Proofs.Inclusion(java.util.UUID.randomUUID(), 0, position, HEX.formatHex(leaves.get(position)),
                HEX.formatHex(leafHashes.get(position)), checkpoint.treeSize(), path, checkpoint);
    }

    @Test
    void anInclusionProofHoldsWithTheCheckpointAndThePemKey() throws Exception {
        Checkpoint checkpoint = checkpoint(13);
        Path publicKey = write("key.pem", CheckpointKey.pem("PUBLIC KEY", key.publicKey().getEncoded()));

        assertThat(verify(write("proof.json", inclusion(6, checkpoint)), write("checkpoint.json", checkpoint),
                publicKey)).isZero();
    }

    @Test
    void aForgedLeafOrAnotherKeyFails() throws Exception {
        Checkpoint checkpoint = checkpoint(13);
        Path publicKey = write("key.json", Map.of("algorithm", "Ed25519",
                "publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded())));
        ObjectNode forged = JSON.valueToTree(inclusion(6, checkpoint));
        forged.put("leaf", HEX.formatHex(leaves.get(7)));
        forged.put("leafHash", HEX.formatHex(leafHashes.get(7)));

        assertThat(verify(write("forged.json", forged), write("checkpoint.json", checkpoint), publicKey)).isOne();

        Path otherKey = write("other.pem", CheckpointKey.pem("PUBLIC KEY",
                CheckpointKey.of(generated()).publicKey().getEncoded()));
        assertThat(verify(write("proof.json", inclusion(6, checkpoint)), write("checkpoint.json", checkpoint),
                otherKey)).isOne();
        ObjectNode resized = JSON.valueToTree(checkpoint);
        resized.put("treeSize", 12);
        assertThat(verify(write("proof.json", inclusion(6, checkpoint)), write("resized.json", resized),
                write("key.pem", CheckpointKey.pem("PUBLIC KEY", key.publicKey().getEncoded())))).isOne();
    }

    @Test
    void aConsistencyProofHoldsFromEitherKeptCheckpoint() throws Exception {
        Checkpoint first = checkpoint(5);
        Checkpoint second = checkpoint(13);
        List<String> proof = MerkleTree.consistencyProof(MerkleTree.inMemory(leafHashes), 5, 13).stream()
                .map(HEX::formatHex).toList();
        Proofs.Consistency consistency = new Proofs.Consistency(5, 13, first.rootHash(), second.rootHash(), proof,
                first, second);
        Path publicKey = write("key.pem", CheckpointKey.pem("PUBLIC KEY", key.publicKey().getEncoded()));
        Path proofFile = write("consistency.json", consistency);

        assertThat(verify(proofFile, write("first.json", first), publicKey)).isZero();
        assertThat(verify(proofFile, write("second.json", second), publicKey)).isZero();
        assertThat(verify(proofFile, write("unrelated.json", checkpoint(9)), publicKey)).isOne();
    }

    @Test
    void theSigningKeysPublicHalfIsTheOneGeneratedWithIt() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertThat(CheckpointKey.of(pair.getPrivate().getEncoded()).publicKey().getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        // The same from LEDGER_CHECKPOINT_KEY's base64, and from a key file created once and read again.
        String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        assertThat(CheckpointKey.from(new CheckpointProperties(Duration.ofSeconds(10), base64, null, 10))
                .publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        Path file = files.resolve("data/checkpoint-key.pem");
        CheckpointProperties fromFile = new CheckpointProperties(Duration.ofSeconds(10), null, file, 10);
        byte[] created = CheckpointKey.from(fromFile).publicKey().getEncoded();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(CheckpointKey.from(fromFile).publicKey().getEncoded()).isEqualTo(created);
    }

    @Test
    void noKeyAtAllStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckpointKey.from(
                new CheckpointProperties(Duration.ofSeconds(10), null, null, 10)))
                .hasMessageContaining("LEDGER_CHECKPOINT_KEY");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(VerifyProof.run(new String[] {"proof.json"}, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}
