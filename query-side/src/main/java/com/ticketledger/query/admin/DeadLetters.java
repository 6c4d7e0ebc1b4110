package com.ticketledger.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events each projection could not handle, parked in its dead-letter queue by ticket (Axon's sequence: the
 * ticket's id), with what an operator does about them: read why, retry once the cause is fixed (each ticket's
 * letters in order, stopping at the first that fails again), or evict a ticket's letters for good (its rows
 * then miss those events until the projection is rebuilt). A rebuild meets any bad event again: at its swap, the
 * queue becomes the letters of the rebuild's own replay.
 */
@Service
class DeadLetters {

    /** At most this many tickets in one listing: the count says how many there are. */
    static final int LISTED = 100;

    /** One ticket's parked events, oldest first. */
    record Sequence(String sequence, List<Letter> letters) {
    }

    /** A parked event: which, of which ticket, since when, and why. */
    record Letter(String eventIdentifier, String eventType, String ticketId, Long ticketSequence,
            Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage) {
    }

    /** A retry's outcome: tickets whose letters were all handled, and letters still parked. */
    record Retried(int ticketsHandled, long lettersLeft) {
    }

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** How many events are parked; empty when the projection has no queue (or does not exist). */
    Optional<Long> count(String projection) {
        return queue(projection).map(SequencedDeadLetterQueue::size);
    }

    Optional<List<Sequence>> list(String projection) {
        return queue(projection).map(queue -> {
            List<Sequence> sequences = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                if (sequences.size() == LISTED) {
                    break;
                }
                List<Letter> letters = new ArrayList<>();
                sequence.forEach(letter -> letters.add(letter(letter)));
                if (!letters.isEmpty()) {
                    sequences.add(new Sequence(letters.get(0).ticketId(), letters));
                }
            }
            return sequences;
        });
    }

    /**
     * Handles the parked events again, each ticket's in order; a ticket whose first letter fails again keeps all
     * of its letters. Bounded by the tickets parked when it starts, so a letter failing at once is tried once.
     */
    Optional<Retried> retry(String projection) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(projection);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(projection);
        if (queue.isEmpty() || processor.isEmpty()) {
            return Optional.empty();
        }
        long tickets = queue.get().amountOfSequences();
        int handled = 0;
        for (long attempt = 0; attempt < tickets; attempt++) {
            if (processor.get().processAny()) {
                handled++;
            }
        }
        return Optional.of(new Retried(handled, queue.get().size()));
    }

    /** Drops every parked event of the ticket; answers how many, or empty when there is no such projection. */
    Optional<Integer> evict(String projection, String ticketId) {
        return queue(projection).map(queue -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(ticketId).forEach(letters::add);
            letters.forEach(queue::evict);
            return letters.size();
        });
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String ticketId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            ticketId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(), ticketId, sequence,
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null));
    }
}
