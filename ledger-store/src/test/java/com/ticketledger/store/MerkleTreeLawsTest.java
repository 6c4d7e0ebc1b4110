package com.ticketledger.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree and its proofs against RFC 9162's definitions: the root as the RFC's recursion gives it (written
 * out here again, independently of {@link MerkleTree}), every proof verifying, and any change to a proof, a
 * size, an index or a root refusing it.
 */
class MerkleTreeLawsTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** MTH(D[n]) exactly as §2.1.1 writes it, over leaf hashes. */
    static byte[] referenceRoot(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleTree.nodeHash(referenceRoot(leafHashes.subList(0, k)),
                referenceRoot(leafHashes.subList(k, leafHashes.size())));
    }

    @Provide
    Arbitrary<int[]> leafInTree() {
        return Arbitraries.integers().between(1, 300)
                .flatMap(size -> Arbitraries.integers().between(0, size - 1).map(index -> new int[] {index, size}));
    }

    @Provide
    Arbitrary<int[]> prefixOfTree() {
        return Arbitraries.integers().between(1, 300)
                .flatMap(size -> Arbitraries.integers().between(1, size).map(first -> new int[] {first, size}));
    }

    @Provide
    Arbitrary<int[]> flippedBit() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 255))
                .as((entry, bit) -> new int[] {entry, bit});
    }

    @Property
    void theFrontiersRootIsTheRfcsRoot(@ForAll @IntRange(min = 0, max = 600) int size) {
        List<byte[]> leaves = leaves(size);
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        leaves.forEach(frontier::append);

        assertThat(HEX.formatHex(frontier.root())).isEqualTo(HEX.formatHex(referenceRoot(leaves)));
        assertThat(HEX.formatHex(MerkleTree.root(MerkleTree.inMemory(leaves), size)))
                .isEqualTo(HEX.formatHex(referenceRoot(leaves)));
        MerkleTree.Frontier resumed = MerkleTree.Frontier.decode(size, frontier.encoded());
        resumed.append(MerkleTree.leafHash(new byte[] {1}));
        List<byte[]> more = new ArrayList<>(leaves);
        more.add(MerkleTree.leafHash(new byte[] {1}));
        assertThat(HEX.formatHex(resumed.root())).isEqualTo(HEX.formatHex(referenceRoot(more)));
    }

    @Property
    void everyLeafsInclusionProofVerifies(@ForAll("leafInTree") int[] leafAndSize) {
        int index = leafAndSize[0];
        int size = leafAndSize[1];
        List<byte[]> leaves = leaves(size + 17);
        MerkleTree.Subtrees subtrees = MerkleTree.inMemory(leaves);
        byte[] root = referenceRoot(leaves.subList(0, size));

        List<byte[]> proof = MerkleTree.inclusionProof(subtrees, index, size);

        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root)).isTrue();
        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get((index + 1) % (size + 1)), proof, root))
                .isFalse();
        if (size > 1) {
            assertThat(MerkleTree.verifyInclusion((index + 1) % size, size, leaves.get(index), proof, root)).isFalse();
        }
        assertThat(MerkleTree.verifyInclusion(index, size + 1, leaves.get(index), proof,
                referenceRoot(leaves.subList(0, size + 1)))).isFalse();
    }

    @Property
    void anInclusionProofWithAnyBitFlippedFails(@ForAll("leafInTree") int[] leafAndSize,
            @ForAll("flippedBit") int[] flip) {
        int index = leafAndSize[0];
        int size = leafAndSize[1];
        List<byte[]> leaves = leaves(size);
        byte[] root = referenceRoot(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(MerkleTree.inMemory(leaves), index, size);
        if (proof.isEmpty()) {
            byte[] flipped = flip(root, flip[1]);
            assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, flipped)).isFalse();
            return;
        }
        int entry = flip[0] % proof.size();
        List<byte[]> tampered = new ArrayList<>(proof);
        tampered.set(entry, flip(proof.get(entry), flip[1]));

        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), tampered, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, flip(leaves.get(index), flip[1]), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof.subList(1, proof.size()), root))
                .isFalse();
    }

    @Property
    void consistencyBetweenAnyTwoSizesVerifies(@ForAll("prefixOfTree") int[] sizes) {
        int first = sizes[0];
        int second = sizes[1];
        List<byte[]> leaves = leaves(second);
        byte[] firstRoot = referenceRoot(leaves.subList(0, first));
        byte[] secondRoot = referenceRoot(leaves);

        List<byte[]> proof = MerkleTree.consistencyProof(MerkleTree.inMemory(leaves), first, second);

        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();
        if (first < second) {
            byte[] otherSecond = referenceRoot(leaves(second + 1).subList(1, second + 1));
            assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, otherSecond, proof)).isFalse();
        }
    }

    @Property
    void aConsistencyProofWithAnyBitFlippedFails(@ForAll("prefixOfTree") int[] sizes, @ForAll("flippedBit") int[] flip) {
        int first = sizes[0];
        int second = sizes[1];
        List<byte[]> leaves = leaves(second);
        byte[] firstRoot = referenceRoot(leaves.subList(0, first));
        byte[] secondRoot = referenceRoot(leaves);
        List<byte[]> proof = MerkleTree.consistencyProof(MerkleTree.inMemory(leaves), first, second);

        assertThat(MerkleTree.verifyConsistency(first, second, flip(firstRoot, flip[1]), secondRoot, proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, flip(secondRoot, flip[1]), proof)).isFalse();
        if (!proof.isEmpty()) {
            int entry = flip[0] % proof.size();
            List<byte[]> tampered = new ArrayList<>(proof);
            tampered.set(entry, flip(proof.get(entry), flip[1]));
            assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, tampered)).isFalse();
        }
    }

    @Property
    void theFrontierAnnouncesEveryCompleteSubtree(@ForAll @IntRange(min = 1, max = 300) int size) {
        List<byte[]> leaves = leaves(size);
        MerkleTree.Subtrees expected = MerkleTree.inMemory(leaves);
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        List<String> mismatches = new ArrayList<>();
        for (byte[] leaf : leaves) {
            frontier.append(leaf, (level, index, hash) -> {
                if (!HEX.formatHex(hash).equals(HEX.formatHex(expected.hash(level, index)))) {
                    mismatches.add(level + "/" + index);
                }
            });
        }
        assertThat(mismatches).isEmpty();
    }

    @Example
    void everyTreeExtendsTheEmptyOneWithNothingToProve() {
        List<byte[]> leaves = leaves(5);
        assertThat(MerkleTree.consistencyProof(MerkleTree.inMemory(leaves), 0, 5)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(0, 5, MerkleTree.emptyRoot(), referenceRoot(leaves), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 5, leaves.get(0), referenceRoot(leaves), List.of())).isFalse();
    }

    @Example
    void leavesAndNodesAreDomainSeparated() {
        byte[] leaf = "x".getBytes(StandardCharsets.UTF_8);
        // SHA-256(0x00 || "x") and SHA-256(0x01 || a || b): the prefixes are those of RFC 9162 §2.1.1.
        assertThat(HEX.formatHex(MerkleTree.leafHash(leaf))).isEqualTo(HEX.formatHex(sha256(new byte[] {0, 'x'})));
        byte[] a = MerkleTree.leafHash(new byte[] {1});
        byte[] b = MerkleTree.leafHash(new byte[] {2});
        byte[] joined = new byte[65];
        joined[0] = 1;
        System.arraycopy(a, 0, joined, 1, 32);
        System.arraycopy(b, 0, joined, 33, 32);
        assertThat(HEX.formatHex(MerkleTree.nodeHash(a, b))).isEqualTo(HEX.formatHex(sha256(joined)));
        assertThat(HEX.formatHex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] flipped = hash.clone();
        flipped[(bit / 8) % flipped.length] ^= (byte) (1 << (bit % 8));
        return flipped;
    }
}
