package com.ticketledger.store;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The global positions of the events this thread appended in its last committed unit of work, as the append's own
 * {@code INSERT … RETURNING} gave them. A command is handled, appended and committed on the thread that sent it,
 * so the sender can answer with its event's position (the {@code X-Ledger-Position} a reader waits for) without
 * asking the database again. An append whose unit of work rolls back leaves nothing behind.
 */
public final class AppendedPositions {

    private static final ThreadLocal<Map<String, Long>> APPENDED = ThreadLocal.withInitial(HashMap::new);

    private AppendedPositions() {
    }

    /**
     * The position of the event at {@code sequence} of stream {@code aggregateIdentifier}, if this thread appended
     * it; the entry is taken, so a later question goes to the database.
     */
    public static Optional<Long> take(String aggregateIdentifier, long sequence) {
        return Optional.ofNullable(APPENDED.get().remove(key(aggregateIdentifier, sequence)));
    }

    /** Forgets whatever this thread appended: a sender calls it before sending, so nothing stale is ever taken. */
    public static void clear() {
        APPENDED.get().clear();
    }

    static void appended(String aggregateIdentifier, long sequence, long position) {
        String key = key(aggregateIdentifier, sequence);
        APPENDED.get().put(key, position);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(rolledBack -> APPENDED.get().remove(key)));
    }

    private static String key(String aggregateIdentifier, long sequence) {
        return aggregateIdentifier + '/' + sequence;
    }
}
