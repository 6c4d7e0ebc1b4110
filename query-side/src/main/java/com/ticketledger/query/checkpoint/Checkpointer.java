package com.ticketledger.query.checkpoint;

import com.ticketledger.store.MerkleTree;
import com.ticketledger.store.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a checkpoint every {@code ledger.checkpoint.interval} when new events have come: the new events'
 * leaves appended to the last checkpoint's frontier, so each costs only what came since. One instance at a
 * time does it (a transaction-scoped advisory lock); the others find the work done.
 *
 * <p>Only <em>settled</em> events go in. Global positions are handed out before commit, so a transaction still
 * running can commit an event below one already visible; the tree must never skip it for good. A run notes the
 * highest visible position and the first transaction id not yet begun; a later run takes events up to that
 * position once every transaction older than that id has ended (the oldest running one, PostgreSQL's snapshot
 * xmin, is past it). An event that is not committed by then never will be, and its gap stays a gap.
 */
@Component
public class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    /** pg_try_advisory_xact_lock's key for "recording a checkpoint": "LEDGERCP" in ASCII. */
    static final long LOCK = 0x4c45444745524350L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StoredEvents storedEvents;
    private final LedgerTree tree;
    private final CheckpointKey key;
    private final int batchSize;

    /** The highest visible position at a past run, and the first transaction id not yet begun then. */
    private record Horizon(long position, long xmin, long xmax) {
    }

    private Horizon pending;

    Checkpointer(JdbcClient jdbc, TransactionTemplate transactions, StoredEvents storedEvents, LedgerTree tree,
            CheckpointKey key, CheckpointProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.storedEvents = storedEvents;
        this.tree = tree;
        this.key = key;
        this.batchSize = properties.batchSize();
    }

    @Scheduled(initialDelayString = "${ledger.checkpoint.interval:10s}",
            fixedDelayString = "${ledger.checkpoint.interval:10s}")
    void scheduled() {
        try {
            checkpoint();
        } catch (DataAccessException e) {
            LOG.warn("No checkpoint this time: {}", e.getMessage());
        }
    }

    /**
     * Records checkpoints of the events settled since the last one (several when more than a batch came);
     * answers the latest checkpoint, new or not, if any.
     */
    public synchronized Optional<Checkpoint> checkpoint() {
        long settled = settledPosition();
        while (settled > 0) {
            Boolean more = transactions.execute(status -> appendBatch(settled));
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
        }
        return tree.latest().map(LedgerTree.Stored::checkpoint);
    }

    /** The highest global position whose events are all settled; 0 while none is known to be. */
    private long settledPosition() {
        Horizon now = jdbc.sql("""
                        SELECT coalesce(max(global_index), 0) AS position,
                               pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
                               pg_snapshot_xmax(pg_current_snapshot())::text AS xmax
                        FROM domain_event_entry""")
                .query((rs, n) -> new Horizon(rs.getLong("position"), Long.parseLong(rs.getString("xmin")),
                        Long.parseLong(rs.getString("xmax"))))
                .single();
        if (pending != null && now.xmin() >= pending.xmax()) {
            long settled = pending.position();
            pending = now;
            return settled;
        }
        if (pending == null) {
            pending = now;
        }
        return 0;
    }

    /** One checkpoint of at most a batch of new events up to {@code settled}; whether more may be waiting. */
    private boolean appendBatch(long settled) {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
            return false;
        }
        Optional<LedgerTree.Stored> latest = tree.latest();
        MerkleTree.Frontier frontier = latest.map(last -> MerkleTree.Frontier.decode(last.treeSize(), last.frontier()))
                .orElseGet(MerkleTree.Frontier::new);
        long after = latest.map(LedgerTree.Stored::lastGlobalIndex).orElse(0L);
        List<LedgerTree.Leaf> leaves = new ArrayList<>();
        List<long[]> nodeKeys = new ArrayList<>();
        List<byte[]> nodeHashes = new ArrayList<>();
        long[] last = {after};
        storedEvents.inGlobalOrder(after, settled, batchSize, event -> {
            byte[] leafHash = LedgerTree.leafHash(event);
            leaves.add(new LedgerTree.Leaf(frontier.size(), event.globalIndex(), leafHash));
            frontier.append(leafHash, (level, index, hash) -> {
                if (level > 0 && level % LedgerTree.KEPT_LEVELS == 0) {
                    nodeKeys.add(new long[] {level, index});
                    nodeHashes.add(hash);
                }
            });
            last[0] = event.globalIndex();
        });
        if (leaves.isEmpty()) {
            return false;
        }
        tree.keep(leaves, nodeKeys, nodeHashes);
        byte[] root = frontier.root();
        // Milliseconds: the time is signed as text, and PostgreSQL keeps it exactly at that precision.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = key.sign(Checkpoint.signedText(frontier.size(), java.util.HexFormat.of().formatHex(root),
                at.toString()));
        tree.insertCheckpoint(new LedgerTree.Stored(frontier.size(), root, at, signature, last[0], frontier.encoded()));
        LOG.debug("Checkpoint of {} events recorded", frontier.size());
        return leaves.size() == batchSize;
    }
}
