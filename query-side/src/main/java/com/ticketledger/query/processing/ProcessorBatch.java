package com.ticketledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The batch of events a processor handles in one transaction with its token. A projection keeps what it is
 * about to write in a resource of the batch and writes it once, in bulk, just before the batch commits; a
 * handler called outside a processor (no unit of work) has no batch and writes at once.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /**
     * The batch's resource under {@code key}, made by {@code create} on first use; {@code beforeCommit} gets
     * it when the batch is about to commit, inside its transaction. Empty outside a processor.
     */
    public static <T> Optional<T> resource(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return Optional.of(batch.getOrComputeResource(key, k -> {
            T resource = create.get();
            batch.onPrepareCommit(u -> beforeCommit.accept(resource));
            return resource;
        }));
    }

    /**
     * The events of the current batch, in the order they are handled (just the current one if unbatched; none
     * when a dead letter is retried: its handlers then look up what they need one event at a time).
     */
    public static List<EventMessage<?>> events() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        // a dead letter is handled again in a unit of work of its own, which names no message
        List<? extends Message<?>> messages = batch instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : batch.getMessage() == null ? List.of() : List.of(batch.getMessage());
        return messages.stream().filter(EventMessage.class::isInstance).<EventMessage<?>>map(m -> (EventMessage<?>) m)
                .toList();
    }
}
