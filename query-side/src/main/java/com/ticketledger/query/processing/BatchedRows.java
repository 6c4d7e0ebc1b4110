package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rows of one projection table, by key, as a processor's batch reads and writes them: a projection asks for a
 * row, folds its event into it in memory, and saves the result; the mechanism reads and writes the table in bulk.
 *
 * <ul>
 * <li>At the batch's first {@link #find}, the rows of every key its events touch ({@code keysOf}, over
 * {@link ProcessorBatch#events()}) are loaded with one {@link Table#load}; a key no event named (a ticket's client,
 * say) is loaded alone at its first use, once per batch.</li>
 * <li>{@link #save} and {@link #delete} change the batch's copy; the changed rows are written with one
 * {@link Table#write} (and the deleted ones with one {@link Table#delete}) just before the batch commits, inside
 * its transaction, the deletes first: a rolled back batch writes nothing. A row created and changed in the same
 * batch is written once, as it ends; one deleted and then saved again is deleted, then written.</li>
 * <li>Outside a batch (a handler called directly, or a dead letter retried: {@link ProcessorBatch#events()} is
 * empty) each call reads or writes its one row at once.</li>
 * </ul>
 *
 * The batch's copy lives in the processor's unit of work, not here: one instance serves every processor (the live
 * one and a shadow rebuild's, whose transactions name their own tables through {@code search_path}), so the
 * table's SQL is unqualified. The write must keep the table's own guard against going back (e.g. an upsert
 * {@code WHERE stored.version < EXCLUDED.version}): a batch handled again after a crash writes what is there already.
 *
 * @param <K> the row's key (a ticket's id, a client's)
 * @param <R> the row, an immutable value
 */
public final class BatchedRows<K, R> {

    /** How a projection reads and writes its table in bulk. */
    public interface Table<K, R> {

        /** The stored rows of {@code keys} (one statement: {@code ... WHERE key = ANY(?)}); absent keys left out. */
        Map<K, R> load(Collection<K> keys);

        /** Writes {@code rows}, each key once (one statement, or one JDBC batch). */
        void write(List<R> rows);

        /** Deletes the rows of {@code keys}; a table whose projection never deletes need not say how. */
        default void delete(Collection<K> keys) {
            throw new UnsupportedOperationException("this table's rows are not deleted");
        }

        /** A table whose rows are loaded and written by these two, and never deleted. */
        static <K, R> Table<K, R> of(Function<Collection<K>, Map<K, R>> load, Consumer<List<R>> write) {
            return new Table<>() {
                @Override
                public Map<K, R> load(Collection<K> keys) {
                    return load.apply(keys);
                }

                @Override
                public void write(List<R> rows) {
                    write.accept(rows);
                }
            };
        }
    }

    private final String name;
    private final Function<Object, Stream<K>> keysOf;
    private final Function<R, K> keyOf;
    private final Table<K, R> table;

    /**
     * @param name   names the batch's copy among the unit of work's resources: unique per table
     * @param keysOf the keys an event's payload touches (none for an event the projection does not keep here)
     * @param keyOf  a row's key
     */
    public BatchedRows(String name, Function<Object, Stream<K>> keysOf, Function<R, K> keyOf, Table<K, R> table) {
        this.name = BatchedRows.class.getName() + "." + name;
        this.keysOf = keysOf;
        this.keyOf = keyOf;
        this.table = table;
    }

    /** The row of {@code key} as the batch has it so far (stored, or saved earlier in the batch). */
    public Optional<R> find(K key) {
        Optional<Batch> batch = batch();
        if (batch.isEmpty()) {
            return Optional.ofNullable(table.load(List.of(key)).get(key));
        }
        return Optional.ofNullable(batch.get().row(key));
    }

    /** Saves {@code row}: written with the batch's other changed rows before it commits, or at once outside one. */
    public void save(R row) {
        Optional<Batch> batch = batch();
        if (batch.isEmpty()) {
            table.write(List.of(row));
            return;
        }
        K key = keyOf.apply(row);
        batch.get().rows.put(key, row);
        batch.get().changed.add(key);
    }

    /** Deletes the row of {@code key}, likewise. */
    public void delete(K key) {
        Optional<Batch> batch = batch();
        if (batch.isEmpty()) {
            table.delete(List.of(key));
            return;
        }
        batch.get().rows.put(key, null);
        batch.get().changed.remove(key);
        batch.get().deleted.add(key);
    }

    /**
     * Writes what the batch changed so far now, and forgets what it read, so that the next {@link #find} reads the
     * table again: for a statement about to change the table behind the batch's back (an erasure), which must see
     * the batch's rows and whose change the batch must not overwrite.
     */
    public void flush() {
        batch().ifPresent(batch -> {
            batch.write();
            batch.rows.clear();
        });
    }

    /** The batch's copy; empty outside a batch (no unit of work, or one that carries no events: a dead letter). */
    private Optional<Batch> batch() {
        return ProcessorBatch.resource(name, Batch::new, Batch::write).filter(batch -> !batch.direct);
    }

    /**
     * What one batch read and changed. {@code rows} maps each key read to its row, {@code null} for one known
     * absent (or deleted); the rows of the batch's events' keys are read at its first use.
     */
    private final class Batch {
        final Map<K, R> rows = new HashMap<>();
        final Set<K> changed = new LinkedHashSet<>();
        final Set<K> deleted = new LinkedHashSet<>();
        final boolean direct;
        private List<K> pending;

        Batch() {
            List<EventMessage<?>> events = ProcessorBatch.events();
            direct = events.isEmpty();
            pending = events.stream().flatMap(event -> keysOf.apply(event.getPayload())).filter(Objects::nonNull)
                    .distinct().toList();
        }

        R row(K key) {
            if (pending != null) {
                read(pending);
                pending = null;
            }
            if (!rows.containsKey(key)) {
                read(List.of(key));
            }
            return rows.get(key);
        }

        private void read(Collection<K> keys) {
            List<K> unread = keys.stream().filter(key -> !rows.containsKey(key)).toList();
            if (unread.isEmpty()) {
                return;
            }
            Map<K, R> loaded = table.load(unread);
            for (K key : unread) {
                rows.put(key, loaded.get(key));
            }
        }

        void write() {
            if (!deleted.isEmpty()) {
                table.delete(new ArrayList<>(deleted));
                deleted.clear();
            }
            if (!changed.isEmpty()) {
                table.write(changed.stream().map(rows::get).toList());
                changed.clear();
            }
        }
    }
}
