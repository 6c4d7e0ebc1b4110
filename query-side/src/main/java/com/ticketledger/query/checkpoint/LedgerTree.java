package com.ticketledger.query.checkpoint;

import com.ticketledger.store.HashChain;
import com.ticketledger.store.MerkleTree;
import com.ticketledger.store.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tree as this side keeps it (db/query V20261204_40): every leaf, the complete subtrees of every eighth
 * level, and the checkpoints. The leaf of an event is its chain hash recomputed from the stored content and the
 * stored previous hash ({@link HashChain#link}), so it changes when any column the chain covers changes, whether
 * or not the stored hash was rewritten too; its position is its ordinal in global order.
 */
@Component
public class LedgerTree {

    /** Levels 8, 16, 24 … are kept; the others are folded from the nearest kept level below. */
    static final int KEPT_LEVELS = 8;

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    LedgerTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The leaf data of an event: its chain hash as its content gives it. */
    static byte[] leaf(StoredEvent event) {
        return HashChain.link(event.previousHash(), event);
    }

    static byte[] leafHash(StoredEvent event) {
        return MerkleTree.leafHash(leaf(event));
    }

    /** A checkpoint as stored, with what the next one continues from. */
    record Stored(long treeSize, byte[] rootHash, Instant at, byte[] signature, long lastGlobalIndex,
            byte[] frontier) {

        Checkpoint checkpoint() {
            return new Checkpoint(treeSize, HEX.formatHex(rootHash), at.toString(),
                    java.util.Base64.getEncoder().encodeToString(signature));
        }
    }

    Optional<Stored> latest() {
        return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1")
                .query((rs, n) -> stored(rs)).optional();
    }

    Optional<Stored> checkpoint(long treeSize) {
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size = :size").param("size", treeSize)
                .query((rs, n) -> stored(rs)).optional();
    }

    /** Checkpoints of at least {@code fromSize} events, oldest first, at most {@code limit}. */
    List<Stored> checkpoints(long fromSize, int limit) {
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size >= :from ORDER BY tree_size LIMIT :limit")
                .param("from", fromSize).param("limit", limit).query((rs, n) -> stored(rs)).list();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getLong("tree_size"), rs.getBytes("root_hash"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getBytes("signature"),
                rs.getLong("last_global_index"), rs.getBytes("frontier"));
    }

    void insertCheckpoint(Stored checkpoint) {
        jdbc.sql("""
                        INSERT INTO ledger_checkpoint (tree_size, root_hash, at, signature, last_global_index, frontier)
                        VALUES (:size, :root, :at, :signature, :last, :frontier)""")
                .param("size", checkpoint.treeSize()).param("root", checkpoint.rootHash())
                .param("at", OffsetDateTime.ofInstant(checkpoint.at(), ZoneOffset.UTC))
                .param("signature", checkpoint.signature())
                .param("last", checkpoint.lastGlobalIndex()).param("frontier", checkpoint.frontier())
                .update();
    }

    /** The position of the event at {@code globalIndex} in the tree; empty while no checkpoint holds it. */
    Optional<Long> position(long globalIndex) {
        return jdbc.sql("SELECT position FROM ledger_tree_leaf WHERE global_index = :index")
                .param("index", globalIndex).query(Long.class).optional();
    }

    /** A kept leaf: its position, the event's global index and the leaf's hash. */
    record Leaf(long position, long globalIndex, byte[] hash) {
    }

    /** The kept leaves of positions [from, to), in order. */
    List<Leaf> leaves(long from, long to) {
        return jdbc.sql("""
                        SELECT position, global_index, leaf_hash FROM ledger_tree_leaf
                        WHERE position >= :from AND position < :to ORDER BY position""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).list();
    }

    /**
     * The complete subtrees of the kept tree, read from the database: a kept node as it is, any other folded
     * from the 2 … 128 leaves or kept nodes under it in one query.
     */
    MerkleTree.Subtrees subtrees() {
        return (level, index) -> {
            int kept = level - level % KEPT_LEVELS;
            long from = index << (level - kept);
            long to = (index + 1) << (level - kept);
            List<byte[]> below = kept == 0
                    ? jdbc.sql("SELECT leaf_hash FROM ledger_tree_leaf WHERE position >= :from AND position < :to"
                                    + " ORDER BY position")
                            .param("from", from).param("to", to).query((rs, n) -> rs.getBytes(1)).list()
                    : jdbc.sql("SELECT hash FROM ledger_tree_node WHERE level = :level AND idx >= :from AND idx < :to"
                                    + " ORDER BY idx")
                            .param("level", kept).param("from", from).param("to", to)
                            .query((rs, n) -> rs.getBytes(1)).list();
            if (below.size() != to - from) {
                throw new IllegalStateException("the kept tree lacks subtrees under level " + level + " index "
                        + index + ": " + below.size() + " of " + (to - from));
            }
            return fold(below);
        };
    }

    private static byte[] fold(List<byte[]> hashes) {
        List<byte[]> level = hashes;
        while (level.size() > 1) {
            List<byte[]> above = new ArrayList<>(level.size() / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                above.add(MerkleTree.nodeHash(level.get(i), level.get(i + 1)));
            }
            level = above;
        }
        return level.get(0);
    }

    /** Keeps new leaves and nodes, in the caller's transaction, as multi-row inserts. */
    void keep(List<Leaf> leaves, List<long[]> nodeKeys, List<byte[]> nodeHashes) {
        for (int from = 0; from < leaves.size(); from += 1000) {
            List<Leaf> chunk = leaves.subList(from, Math.min(leaves.size(), from + 1000));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO ledger_tree_leaf (position, global_index, leaf_hash) VALUES ");
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
                values.add(chunk.get(i).position());
                values.add(chunk.get(i).globalIndex());
                values.add(chunk.get(i).hash());
            }
            jdbc.sql(sql.toString()).params(values).update();
        }
        for (int i = 0; i < nodeKeys.size(); i++) {
            jdbc.sql("INSERT INTO ledger_tree_node (level, idx, hash) VALUES (:level, :idx, :hash)")
                    .param("level", (short) nodeKeys.get(i)[0]).param("idx", nodeKeys.get(i)[1])
                    .param("hash", nodeHashes.get(i)).update();
        }
    }
}
