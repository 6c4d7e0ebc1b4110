package com.ticketledger.query.checkpoint;

import com.ticketledger.store.MerkleTree;
import com.ticketledger.store.StoredEvent;
import com.ticketledger.store.StoredEvents;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recomputes the tree from the stored events and holds it against every checkpoint and every kept leaf: the
 * answer of {@code GET /api/audit/ledger/verify} (docs/api.md). The events are read once, in global order,
 * through a cursor; the kept leaves beside them a chunk at a time; each checkpoint's root is compared when the
 * recomputed tree reaches its size.
 */
@Component
class LedgerVerification {

    /** How far past the first difference the leaves are compared to tell what kind it is. */
    static final int LOOK_AHEAD = 64;
    private static final int CHUNK = 10_000;
    /** Events handed from the reading thread to the hashing one at a time. */
    private static final int BATCH = 1000;
    /** Events read by one query. */
    private static final long RANGE = 100_000;

    private final StoredEvents storedEvents;
    private final LedgerTree tree;
    private final CheckpointKey key;
    private final TransactionTemplate readOnly;

    LedgerVerification(StoredEvents storedEvents, LedgerTree tree, CheckpointKey key,
            PlatformTransactionManager transactionManager) {
        this.storedEvents = storedEvents;
        this.tree = tree;
        this.key = key;
        this.readOnly = new TransactionTemplate(transactionManager);
        // One snapshot for the whole read: events and kept leaves as of one instant.
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The outcome.
     *
     * @param valid              every checkpoint's root is the recomputed tree's at its size, every signature holds
     *                           and every kept leaf is the recomputed one
     * @param treeSize           the latest checkpoint's size (0 when there is none yet)
     * @param events             how many events the ledger holds now
     * @param checkpoints        how many checkpoints were checked
     * @param firstBadPosition   the first position (0-based ordinal in global order) where the ledger differs from
     *                           what was checkpointed; {@code null} when valid
     * @param problem            what is at that position: {@code MISSING} (events that were there are gone),
     *                           {@code EXTRA} (an event that was not there), {@code REORDERED} (two events swapped),
     *                           {@code CHANGED} (the same event with other content); {@code null} when unknown
     * @param firstBadCheckpoint the size of the first checkpoint whose root the events no longer give
     * @param badSignatures      how many checkpoints' signatures the public key does not verify
     */
    @Schema(description = "The tree recomputed from the stored events, against every checkpoint.")
    record Result(boolean valid, long treeSize, long events, int checkpoints, Long firstBadPosition, String problem,
            Long firstBadCheckpoint, int badSignatures) {
    }

    Result verify() {
        return readOnly.execute(status -> run());
    }

    private Result run() {
        List<LedgerTree.Stored> checkpoints = new ArrayList<>();
        for (long from = 1; ; ) {
            List<LedgerTree.Stored> page = tree.checkpoints(from, 10_000);
            checkpoints.addAll(page);
            if (page.size() < 10_000) {
                break;
            }
            from = page.get(page.size() - 1).treeSize() + 1;
        }
        PublicKey publicKey = key.publicKey();
        int badSignatures = 0;
        for (LedgerTree.Stored checkpoint : checkpoints) {
            if (!CheckpointKey.verify(publicKey, checkpoint.checkpoint().signedText(), checkpoint.signature())) {
                badSignatures++;
            }
        }
        long treeSize = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();

        Walk walk = new Walk(checkpoints, treeSize);
        walkTheLedger(walk);
        walk.end();

        Long firstBadPosition = walk.firstDifference;
        String problem = walk.firstDifference == null ? null : walk.kind();
        if (firstBadPosition == null && walk.firstBadCheckpoint != null) {
            // The kept leaves agree with the events but not with what was signed: the leaves were rewritten too.
            // The difference lies after the last checkpoint that still holds.
            firstBadPosition = walk.lastGoodSize;
        }
        boolean valid = firstBadPosition == null && walk.firstBadCheckpoint == null && badSignatures == 0;
        return new Result(valid, treeSize, walk.position, checkpoints.size(), firstBadPosition, problem,
                walk.firstBadCheckpoint, badSignatures);
    }

    /**
     * Reads every event in this thread (the cursor belongs to its transaction) and hashes and walks them in
     * another, a thousand at a time: on two cores, decoding rows and hashing them overlap instead of taking turns.
     * The kept leaves are read by the walking thread outside the transaction; below the checkpoints' sizes they
     * never change (append-only), so any snapshot gives the same ones.
     */
    private void walkTheLedger(Walk walk) {
        BlockingQueue<List<StoredEvent>> batches = new ArrayBlockingQueue<>(8);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread walker = new Thread(() -> {
            try {
                for (List<StoredEvent> batch = batches.take(); !batch.isEmpty(); batch = batches.take()) {
                    for (StoredEvent event : batch) {
                        walk.next(LedgerTree.leafHash(event));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("the verification was interrupted", e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, "ledger-verification");
        walker.start();
        try {
            List<List<StoredEvent>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
            long[] last = {Long.MIN_VALUE};
            long[] read = {0};
            // Ranges of the primary key, each a bounded index scan: one query over the whole table would have
            // PostgreSQL sort every row (payloads included) before the first one arrives.
            do {
                read[0] = 0;
                storedEvents.inGlobalOrder(last[0], Long.MAX_VALUE, RANGE, event -> {
                    batch.get(0).add(event);
                    last[0] = event.globalIndex();
                    read[0]++;
                    if (batch.get(0).size() == BATCH) {
                        hand(batches, batch.get(0), failure);
                        batch.set(0, new ArrayList<>(BATCH));
                    }
                });
            } while (read[0] == RANGE);
            if (!batch.get(0).isEmpty()) {
                hand(batches, batch.get(0), failure);
            }
            hand(batches, List.of(), failure);
            walker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the verification was interrupted", e);
        } finally {
            walker.interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void hand(BlockingQueue<List<StoredEvent>> batches, List<StoredEvent> batch,
            AtomicReference<RuntimeException> failure) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the verification was interrupted", e);
        }
    }

    /** The recomputed tree growing event by event, held against the kept leaves and the checkpoints. */
    private final class Walk {

        private final List<LedgerTree.Stored> checkpoints;
        private final long treeSize;
        private final MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        private List<LedgerTree.Leaf> kept = List.of();
        private long keptFrom;
        private int nextCheckpoint;
        long position;
        Long firstDifference;
        Long firstBadCheckpoint;
        long lastGoodSize;
        /** The recomputed leaves from the first difference on, for telling what kind it is. */
        private final List<byte[]> after = new ArrayList<>();

        Walk(List<LedgerTree.Stored> checkpoints, long treeSize) {
            this.checkpoints = checkpoints;
            this.treeSize = treeSize;
        }

        void next(byte[] leafHash) {
            if (position < treeSize) {
                byte[] stored = kept(position);
                if (firstDifference == null && (stored == null || !MessageDigest.isEqual(stored, leafHash))) {
                    firstDifference = position;
                }
            }
            if (firstDifference != null && after.size() < LOOK_AHEAD + 1) {
                after.add(leafHash);
            }
            frontier.append(leafHash);
            position++;
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == position) {
                compare(checkpoints.get(nextCheckpoint++));
            }
        }

        void end() {
            // Checkpoints larger than the ledger is now: events at the end are gone.
            if (nextCheckpoint < checkpoints.size()) {
                if (firstDifference == null && position < treeSize) {
                    firstDifference = position;
                }
                if (firstBadCheckpoint == null) {
                    firstBadCheckpoint = checkpoints.get(nextCheckpoint).treeSize();
                }
            }
        }

        private void compare(LedgerTree.Stored checkpoint) {
            if (Arrays.equals(frontier.root(), checkpoint.rootHash())) {
                if (firstBadCheckpoint == null) {
                    lastGoodSize = checkpoint.treeSize();
                }
            } else if (firstBadCheckpoint == null) {
                firstBadCheckpoint = checkpoint.treeSize();
            }
        }

        private byte[] kept(long at) {
            if (at < keptFrom || at >= keptFrom + CHUNK || at - keptFrom >= kept.size()) {
                keptFrom = at;
                kept = tree.leaves(at, Math.min(treeSize, at + CHUNK));
            }
            int offset = (int) (at - keptFrom);
            return offset < kept.size() && kept.get(offset).position() == at ? kept.get(offset).hash() : null;
        }

        /**
         * What the first difference is, from the kept leaves and the recomputed ones just after it: a swapped
         * pair, a recomputed leaf found further on in the kept ones (those before it are gone), a kept leaf found
         * further on in the recomputed ones (an event came in), or the same place with another hash.
         */
        String kind() {
            long at = firstDifference;
            List<LedgerTree.Leaf> was = tree.leaves(at, Math.min(treeSize, at + LOOK_AHEAD + 1));
            if (after.isEmpty()) {
                return "MISSING";
            }
            if (was.isEmpty()) {
                return null;
            }
            if (after.size() > 1 && was.size() > 1 && Arrays.equals(after.get(0), was.get(1).hash())
                    && Arrays.equals(after.get(1), was.get(0).hash())) {
                return "REORDERED";
            }
            for (int i = 1; i < was.size(); i++) {
                if (Arrays.equals(after.get(0), was.get(i).hash())) {
                    return "MISSING";
                }
            }
            for (int i = 1; i < after.size(); i++) {
                if (Arrays.equals(after.get(i), was.get(0).hash())) {
                    return "EXTRA";
                }
            }
            return "CHANGED";
        }
    }
}
