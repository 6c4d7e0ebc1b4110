package com.ticketledger.query.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rows a projection only adds (a decision in an outbox, whose natural key keeps it once), written together with
 * one {@code write} just before the processor's batch commits, inside its transaction; outside a batch (no unit
 * of work, or a dead letter retried) each is written at once. The keyed rows a projection reads back are
 * {@link BatchedRows}'.
 *
 * @param <R> what one row is made of
 */
public final class BatchedInserts<R> {

    private final String name;
    private final Consumer<List<R>> write;

    /**
     * @param name  names the batch's rows among the unit of work's resources: unique per table
     * @param write writes the rows given, in order (one statement, or one JDBC batch)
     */
    public BatchedInserts(String name, Consumer<List<R>> write) {
        this.name = BatchedInserts.class.getName() + "." + name;
        this.write = write;
    }

    public void add(R row) {
        batch().ifPresentOrElse(rows -> rows.add(row), () -> write.accept(List.of(row)));
    }

    /** Writes the rows added so far now (before a statement that must see them). */
    public void flush() {
        batch().ifPresent(this::writeAll);
    }

    /** The batch's rows; empty outside a batch (no unit of work, or one that carries no events: a dead letter). */
    private Optional<List<R>> batch() {
        return ProcessorBatch.resource(name, Batch::new, this::writeAll).filter(batch -> !batch.direct)
                .map(batch -> batch.rows);
    }

    private void writeAll(Batch batch) {
        writeAll(batch.rows);
    }

    private void writeAll(List<R> rows) {
        if (!rows.isEmpty()) {
            write.accept(List.copyOf(rows));
            rows.clear();
        }
    }

    private final class Batch {
        final List<R> rows = new ArrayList<>();
        final boolean direct = ProcessorBatch.events().isEmpty();
    }
}
