package com.ticketledger.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree over the whole ledger, as RFC 9162 §2.1 defines it: a leaf's hash is SHA-256(0x00 || leaf), an
 * inner node's SHA-256(0x01 || left || right), and a tree of n leaves splits at the largest power of two below
 * n. The prefixes keep a leaf from ever passing for a node (second-preimage attacks). Inclusion proofs (§2.1.3)
 * and consistency proofs (§2.1.4) are built from the hashes of complete subtrees ({@link Subtrees}), so the
 * same code serves a tree held in memory and one kept in the database; their verification needs nothing but
 * the proof, the sizes and the roots.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /**
     * The hashes of the complete subtrees whose first leaf is a multiple of their size: the one at {@code level}
     * and {@code index} covers leaves [index·2^level, (index+1)·2^level). Every subtree the RFC's proofs name on
     * the left of a split is of this kind; the ones on the right edge are built from several of them.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** The root of the empty tree: SHA-256 of nothing (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH of the first {@code size} leaves. */
    public static byte[] root(Subtrees subtrees, long size) {
        return size == 0 ? emptyRoot() : range(subtrees, 0, size);
    }

    /**
     * MTH(D[start:end]) for a range the RFC's recursion reaches: {@code start} is a multiple of a power of two
     * at least as large as the range, so its left part at every split is a complete subtree.
     */
    static byte[] range(Subtrees subtrees, long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.hash(level, start >>> level);
        }
        long split = largestPowerOfTwoBelow(size);
        return nodeHash(range(subtrees, start, start + split), range(subtrees, start + split, end));
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves (§2.1.3.1), leaf first. */
    public static List<byte[]> inclusionProof(Subtrees subtrees, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(subtrees, index, 0, size, path);
        return path;
    }

    private static void path(Subtrees subtrees, long index, long start, long end, List<byte[]> path) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (index < split) {
            path(subtrees, index, start, start + split, path);
            path.add(range(subtrees, start + split, end));
        } else {
            path(subtrees, index - split, start + split, end, path);
            path.add(range(subtrees, start, start + split));
        }
    }

    /**
     * The proof that the tree of the first {@code first} leaves is a prefix of the tree of the first
     * {@code second} (§2.1.4.1); empty when the sizes are equal or the first tree is empty.
     */
    public static List<byte[]> consistencyProof(Subtrees subtrees, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0) {
            subproof(subtrees, first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(Subtrees subtrees, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                proof.add(range(subtrees, start, end));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (m <= split) {
            subproof(subtrees, m, start, start + split, whole, proof);
            proof.add(range(subtrees, start + split, end));
        } else {
            subproof(subtrees, m - split, start + split, end, false, proof);
            proof.add(range(subtrees, start, start + split));
        }
    }

    /** §2.1.3.2: whether {@code path} proves the leaf hashed {@code leafHash} at {@code index} under {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * §2.1.4.2: whether {@code proof} shows the tree of {@code first} leaves with root {@code firstRoot} to be a
     * prefix of the tree of {@code second} leaves with root {@code secondRoot}. Equal sizes need an empty proof
     * and equal roots; every tree extends the empty one.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first < 0 || first > second || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The right edge of a growing tree: the roots of its complete subtrees, largest first, one per set bit of
     * its size, so O(log n) hashes hold everything needed to append leaves and to give the root. Each complete
     * subtree is announced as it forms, for a caller that keeps some of them.
     */
    public static final class Frontier {

        /** Told of each complete subtree as it forms: level, index (as in {@link Subtrees}) and hash. */
        @FunctionalInterface
        public interface Completed {
            void subtree(int level, long index, byte[] hash);
        }

        private final List<byte[]> hashes;
        private long size;

        public Frontier() {
            this(0, List.of());
        }

        /** The frontier of a tree of {@code size} leaves, from its {@link #hashes()}. */
        public Frontier(long size, List<byte[]> hashes) {
            if (size < 0 || hashes.size() != Long.bitCount(size)) {
                throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                        + " subtrees on its right edge, not " + hashes.size());
            }
            this.size = size;
            this.hashes = new ArrayList<>(hashes);
        }

        public long size() {
            return size;
        }

        /** The right edge's subtree roots, largest first. */
        public List<byte[]> hashes() {
            return List.copyOf(hashes);
        }

        public void append(byte[] leafHash) {
            append(leafHash, (level, index, hash) -> {
            });
        }

        public void append(byte[] leafHash, Completed completed) {
            byte[] hash = leafHash;
            int level = 0;
            long index = size;
            completed.subtree(0, index, hash);
            // Each trailing one bit of the old size is a subtree of the new leaf's height to merge with.
            for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
                hash = nodeHash(hashes.remove(hashes.size() - 1), hash);
                level++;
                index >>>= 1;
                completed.subtree(level, index, hash);
            }
            hashes.add(hash);
            size++;
        }

        public byte[] root() {
            if (hashes.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = nodeHash(hashes.get(i), root);
            }
            return root;
        }

        /** The frontier's hashes as one byte string, 32 bytes each, for keeping beside a checkpoint. */
        public byte[] encoded() {
            byte[] encoded = new byte[hashes.size() * 32];
            for (int i = 0; i < hashes.size(); i++) {
                System.arraycopy(hashes.get(i), 0, encoded, i * 32, 32);
            }
            return encoded;
        }

        public static Frontier decode(long size, byte[] encoded) {
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i + 32 <= encoded.length; i += 32) {
                hashes.add(Arrays.copyOfRange(encoded, i, i + 32));
            }
            return new Frontier(size, hashes);
        }
    }

    /** Every complete subtree of a list of leaf hashes, held in memory: for tests and small trees. */
    public static Subtrees inMemory(List<byte[]> leafHashes) {
        List<List<byte[]>> levels = new ArrayList<>();
        levels.add(List.copyOf(leafHashes));
        while (levels.get(levels.size() - 1).size() > 1) {
            List<byte[]> below = levels.get(levels.size() - 1);
            List<byte[]> level = new ArrayList<>();
            for (int i = 0; i + 1 < below.size(); i += 2) {
                level.add(nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(level);
        }
        return (level, index) -> levels.get(level).get(Math.toIntExact(index));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
