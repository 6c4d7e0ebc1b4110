package com.ticketledger.query.processing;

import com.ticketledger.query.QuerySideIT;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch mechanism against the real database, on a table of its own: a row per key holding a running total,
 * folded from events that each add an amount to a key. Batches are run as a processor runs them: a batching unit
 * of work over the events, in one transaction.
 */
class BatchedRowsIT extends QuerySideIT {

    /** An event: add {@code amount} to {@code key}'s total ({@code amount} 0 deletes the row). */
    record Added(String key, int amount) {
    }

    record Total(String key, int total, long version) {
    }

    @Autowired
    TransactionManager transactionManager;

    private final List<Collection<String>> loads = new ArrayList<>();
    private final List<List<Total>> writes = new ArrayList<>();
    private final List<Collection<String>> deletes = new ArrayList<>();
    private BatchedRows<String, Total> rows;
    private String prefix;

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS batched_rows_probe (key VARCHAR(100) PRIMARY KEY, total INT NOT NULL,"
                + " version BIGINT NOT NULL)").update();
        prefix = UUID.randomUUID() + "-";
        rows = new BatchedRows<>("batched_rows_probe",
                payload -> payload instanceof Added added ? Stream.of(added.key()) : Stream.empty(),
                Total::key, new BatchedRows.Table<>() {
                    @Override
                    public Map<String, Total> load(Collection<String> keys) {
                        loads.add(List.copyOf(keys));
                        Map<String, Total> found = new HashMap<>();
                        jdbc.sql("SELECT * FROM batched_rows_probe WHERE key = ANY(:keys)")
                                .param("keys", keys.toArray(String[]::new))
                                .query((rs, n) -> new Total(rs.getString("key"), rs.getInt("total"),
                                        rs.getLong("version")))
                                .list().forEach(total -> found.put(total.key(), total));
                        return found;
                    }

                    @Override
                    public void write(List<Total> totals) {
                        writes.add(List.copyOf(totals));
                        jdbc.sql("""
                                        INSERT INTO batched_rows_probe AS stored (key, total, version)
                                        SELECT * FROM unnest(CAST(:keys AS VARCHAR[]), CAST(:totals AS INT[]),
                                            CAST(:versions AS BIGINT[]))
                                        ON CONFLICT (key) DO UPDATE SET total = EXCLUDED.total,
                                            version = EXCLUDED.version
                                        WHERE stored.version < EXCLUDED.version""")
                                .param("keys", totals.stream().map(Total::key).toArray(String[]::new))
                                .param("totals", totals.stream().map(t -> Integer.toString(t.total()))
                                        .toArray(String[]::new))
                                .param("versions", totals.stream().map(t -> Long.toString(t.version()))
                                        .toArray(String[]::new))
                                .update();
                    }

                    @Override
                    public void delete(Collection<String> keys) {
                        deletes.add(List.copyOf(keys));
                        jdbc.sql("DELETE FROM batched_rows_probe WHERE key = ANY(:keys)")
                                .param("keys", keys.toArray(String[]::new)).update();
                    }
                });
    }

    /** The projection's handler: a pure fold of the event into the row, then saved (or deleted). */
    private void handle(Added event) {
        Optional<Total> before = rows.find(event.key());
        if (event.amount() == 0) {
            rows.delete(event.key());
            return;
        }
        Total after = before.map(total -> new Total(total.key(), total.total() + event.amount(), total.version() + 1))
                .orElse(new Total(event.key(), event.amount(), 1));
        rows.save(after);
    }

    private String key(String name) {
        return prefix + name;
    }

    private Optional<Integer> stored(String name) {
        return jdbc.sql("SELECT total FROM batched_rows_probe WHERE key = :key").param("key", key(name))
                .query(Integer.class).optional();
    }

    private void store(String name, int total) {
        jdbc.sql("INSERT INTO batched_rows_probe (key, total, version) VALUES (:key, :total, 1)")
                .param("key", key(name)).param("total", total).update();
    }

    private Added added(String name, int amount) {
        return new Added(key(name), amount);
    }

    /** Runs {@code events} as one processor batch: one unit of work, one transaction, each event handled in turn. */
    private void batch(List<Added> events, Consumer<Added> handler) throws Exception {
        List<EventMessage<?>> messages = events.stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            handler.accept((Added) CurrentUnitOfWork.get().getMessage().getPayload());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw result.exceptionResult() instanceof Exception e ? e : new IllegalStateException(
                    result.exceptionResult());
        }
    }

    @Autowired
    PlatformTransactionManager springTransactions;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    DataSource dataSource;

    @Test
    void aBatchThatStoresItsTokenCommitsWithoutWaitingForTheDisk() {
        String processor = "disk-test-" + UUID.randomUUID();
        tokenStore.initializeTokenSegments(processor, 1);
        String[] settings = new TransactionTemplate(springTransactions).execute(outer -> {
            jdbc.sql("SET LOCAL synchronous_commit = on").update();
            // Axon's transaction joins the outer one, on its connection: what it sets is seen after it too
            return transactionManager.fetchInTransaction(() -> {
                tokenStore.fetchToken(processor, 0);
                String handling = synchronousCommit();
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(41, List.of()), processor, 0);
                // the update Axon runs answers the UPDATE's count (else Axon would read and write the token again)
                try (PreparedStatement update = ((BatchTokenStore) tokenStore).storeUpdate(
                        DataSourceUtils.getConnection(dataSource), GapAwareTrackingToken.newInstance(42, List.of()),
                        processor, 0)) {
                    assertThat(update.executeUpdate()).isEqualTo(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return new String[] {handling, synchronousCommit()};
            });
        });

        assertThat(settings).as("while the batch is handled, and once its token is stored").containsExactly("on", "off");
        assertThat(transactionManager.fetchInTransaction(() -> tokenStore.fetchToken(processor, 0)))
                .as("the token stored with it").isEqualTo(GapAwareTrackingToken.newInstance(42, List.of()));
    }

    private String synchronousCommit() {
        return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
    }

    @Test
    void aBatchReadsItsEventsRowsInOneLoadAndWritesTheChangedOnesInOneWriteAtCommit() throws Exception {
        store("a", 10);
        store("b", 20);
        store("untouched", 5);
        List<Integer> seenMidBatch = new ArrayList<>();
        batch(List.of(added("a", 1), added("b", 2), added("a", 3), added("c", 4)), event -> {
            handle(event);
            // nothing is written while the batch runs
            seenMidBatch.add(stored("a").orElseThrow());
        });

        assertThat(seenMidBatch).containsOnly(10);
        assertThat(loads).hasSize(1);
        assertThat(loads.get(0)).containsExactlyInAnyOrder(key("a"), key("b"), key("c"));
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).extracting(Total::key).containsExactly(key("a"), key("b"), key("c"));
        assertThat(stored("a")).contains(14);
        assertThat(stored("b")).contains(22);
        assertThat(stored("c")).contains(4);
        assertThat(stored("untouched")).contains(5);
    }

    @Test
    void aRowCreatedAndChangedInOneBatchIsWrittenOnceAsItEnds() throws Exception {
        batch(List.of(added("new", 1), added("new", 2), added("new", 4)), this::handle);

        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).containsExactly(new Total(key("new"), 7, 3));
        assertThat(stored("new")).contains(7);
    }

    @Test
    void aKeyNoEventNamedIsReadAloneOnceInTheBatch() throws Exception {
        store("a", 10);
        store("other", 100);
        List<Optional<Total>> seen = new ArrayList<>();
        batch(List.of(added("a", 1), added("a", 1)), event -> {
            handle(event);
            seen.add(rows.find(key("other")));
        });

        assertThat(loads).containsExactly(List.of(key("a")), List.of(key("other")));
        assertThat(seen).allSatisfy(other -> assertThat(other).map(Total::total).contains(100));
    }

    @Test
    void aRolledBackBatchWritesNothing() {
        store("a", 10);
        assertThatThrownBy(() -> batch(List.of(added("a", 1), added("b", 2), added("boom", 1)), event -> {
            if (event.key().equals(key("boom"))) {
                throw new IllegalStateException("the batch fails");
            }
            handle(event);
        })).hasMessageContaining("the batch fails");

        assertThat(writes).isEmpty();
        assertThat(stored("a")).contains(10);
        assertThat(stored("b")).isEmpty();
    }

    @Test
    void aWriteThatFailsAtCommitRollsTheWholeBatchBack() {
        store("a", 10);
        jdbc.sql("CREATE TABLE IF NOT EXISTS batched_rows_witness (key VARCHAR(100) PRIMARY KEY)").update();
        String witness = key("witness");
        assertThatThrownBy(() -> batch(List.of(added("a", 1), new Added(null, 1)), event -> {
            if (event.key() == null) {
                // a row the table refuses (no key), written only at commit
                rows.save(new Total(null, 1, 1));
                jdbc.sql("INSERT INTO batched_rows_witness (key) VALUES (:key)").param("key", witness).update();
                return;
            }
            handle(event);
        })).isNotNull();

        assertThat(stored("a")).contains(10);
        assertThat(jdbc.sql("SELECT count(*) FROM batched_rows_witness WHERE key = :key").param("key", witness)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void outsideABatchEachRowIsReadAndWrittenAtOnce() {
        store("a", 10);
        handle(added("a", 5));
        assertThat(stored("a")).contains(15);
        handle(added("fresh", 3));
        assertThat(stored("fresh")).contains(3);
        handle(added("fresh", 0));
        assertThat(stored("fresh")).isEmpty();
        assertThat(loads).containsExactly(List.of(key("a")), List.of(key("fresh")), List.of(key("fresh")));
        assertThat(writes).hasSize(2);
    }

    @Test
    void aDeadLetterRetriedWritesItsRowAtOnce() {
        // a dead letter is handled again in a unit of work of its own, which names no message
        store("a", 10);
        DefaultUnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(null);
        try {
            handle(added("a", 5));
            assertThat(stored("a")).contains(15);
        } finally {
            retry.commit();
        }
        assertThat(stored("a")).contains(15);
    }

    @Test
    void aRowDeletedInTheBatchIsDeletedAtCommitAndARowRecreatedIsWritten() throws Exception {
        store("gone", 10);
        store("back", 10);
        batch(List.of(added("gone", 1), added("gone", 0), added("back", 0), added("back", 7)), this::handle);

        assertThat(stored("gone")).isEmpty();
        assertThat(stored("back")).contains(7);
        // deleted first, then written: the row saved again after its delete is a new row, not an older one's update
        assertThat(deletes).containsExactly(List.of(key("gone"), key("back")));
        assertThat(writes).containsExactly(List.of(new Total(key("back"), 7, 1)));
    }

    @Test
    void aFlushWritesTheBatchSoFarAndReadsTheTableAgainAfter() throws Exception {
        store("a", 10);
        List<Integer> seen = new ArrayList<>();
        batch(List.of(added("a", 1), added("a", 1), added("a", 1)), event -> {
            handle(event);
            if (seen.isEmpty()) {
                rows.flush();
                seen.add(stored("a").orElseThrow());
                // a statement behind the batch's back, as an erasure's
                jdbc.sql("UPDATE batched_rows_probe SET total = 100, version = version + 1 WHERE key = :key")
                        .param("key", key("a")).update();
            }
        });

        assertThat(seen).containsExactly(11);
        assertThat(stored("a")).contains(102);
        assertThat(Arrays.asList(writes.size(), loads.size())).containsExactly(2, 2);
    }
}
