package com.ticketledger.command.queue;

import com.ticketledger.command.recording.CommandRecorder;
import com.ticketledger.command.recording.Recorded;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.TakeFromQueue;
import com.ticketledger.command.ticket.Ticket;
import com.ticketledger.events.SupportLevel;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * "Take next" (docs/domain.md, "Queues"): the caller becomes the assignee of the head of their level's queue. In one
 * transaction, the head is locked in the command side's own {@link QueueIndex} ({@code FOR UPDATE SKIP LOCKED}, so
 * two takers racing never lock the same ticket and neither waits for the other), and the ticket itself decides
 * ({@link TakeFromQueue}); the assignment's event and the index row are committed with that transaction. A ticket
 * that refuses because it is no longer waiting there is passed over for the next one, in a new transaction, a
 * bounded number of times.
 */
@Component
public class TakeNext {

    /** How many tickets one take may pass over before it gives up with a conflict (never, with a sound index). */
    static final int CANDIDATES = 10;

    private final QueueIndex index;
    private final CommandRecorder recorder;

    TakeNext(QueueIndex index, CommandRecorder recorder) {
        this.index = index;
        this.recorder = recorder;
    }

    /**
     * @return the ticket taken and the event that says so; empty when nobody is waiting in {@code level}'s queue
     */
    public Optional<Recorded> take(SupportLevel level, Actor actor, String correlationId, String idempotencyKey) {
        Ticket.requireMayTakeFrom(actor, level);
        return recorder.recordFirstAccepted(actor, correlationId, idempotencyKey, List.of("take-next", level),
                passedOver -> index.lockHead(level, passedOver).map(ticket -> new TakeFromQueue(ticket, level, actor)),
                CANDIDATES);
    }
}
