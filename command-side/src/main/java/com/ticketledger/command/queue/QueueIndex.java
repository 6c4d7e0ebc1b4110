package com.ticketledger.command.queue;

import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where each ticket stands in the queues (table {@code queue_index}), kept by the events themselves. It subscribes
 * to the command side's event bus ({@link QueueConfiguration}): it is handed a unit of work's events in the
 * publishing thread, inside the unit of work and database transaction that append them, so a command that is
 * refused or rolled back leaves the index as it was, and a failure here fails the command.
 *
 * <p>Each event that moves a ticket in or out of a queue, or within it, is one small method called from
 * {@link #apply}; an event that moves nothing is ignored. Every write is guarded by the ticket's sequence number,
 * so applying an event twice (the live handler, then the start-up catch-up) changes nothing the second time.
 */
@Component
public class QueueIndex {

    /** Queue order of docs/domain.md; the partial index {@code queue_index_head} serves exactly these keys. */
    private static final String QUEUE_ORDER = "type_rank, priority_rank, opened_at, ticket_id";

    /** The global position of the event being applied, found by its stream key (in the same transaction). */
    private static final String POSITION = """
            (SELECT global_index FROM domain_event_entry
             WHERE aggregate_identifier = CAST(:ticket AS VARCHAR) AND sequence_number = :sequence)""";

    private final JdbcClient jdbc;

    QueueIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the tickets' events among {@code events} (a unit of work's, as the event bus hands them over, or a
     * catch-up's), each at the instant as the ledger keeps it (milliseconds), so that the live index and a catch-up
     * order ties alike.
     */
    void applyAll(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> message : events) {
            if (message instanceof DomainEventMessage<?> event && event.getPayload() instanceof TicketEvent ticketEvent) {
                apply(ticketEvent, event.getSequenceNumber(), event.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
            }
        }
    }

    /** What {@code event}, the ticket's event at {@code sequence} recorded {@code at}, does to the queues. */
    void apply(TicketEvent event, long sequence, Instant at) {
        if (event instanceof TicketOpened opened) {
            opened(opened, sequence, at);
        } else if (event instanceof TicketAssigned assigned) {
            assigned(assigned, sequence);
        } else if (event instanceof TicketEscalated escalated) {
            escalated(escalated, sequence);
        } else if (event instanceof TicketPendingClosure pending) {
            update(pending.ticketId(), sequence, "status = :status").param("status", TicketStatus.PENDING_CLOSURE.name())
                    .update();
        } else if (event instanceof ClosureAccepted accepted) {
            update(accepted.ticketId(), sequence, "status = :status").param("status", TicketStatus.CLOSED.name())
                    .update();
        } else if (event instanceof TicketReopened reopened) {
            reopened(reopened, sequence);
        } else if (event instanceof TicketReclassified reclassified) {
            reclassified(reclassified, sequence);
        } else if (event instanceof TicketCancelled cancelled) {
            update(cancelled.ticketId(), sequence, "status = :status").param("status", TicketStatus.CANCELLED.name())
                    .update();
        }
        // NoteAdded and AttachmentAdded move no ticket.
    }

    /** A new ticket waits at the end of its part of the L1 queue. */
    private void opened(TicketOpened opened, long sequence, Instant at) {
        jdbc.sql("""
                        INSERT INTO queue_index (ticket_id, level, type_rank, priority_rank, opened_at, status, assignee,
                                                 sequence, position)
                        VALUES (:ticket, :level, :typeRank, :priorityRank, :openedAt, :status, NULL, :sequence,
                        """ + POSITION + ")\nON CONFLICT (ticket_id) DO NOTHING")
                .param("ticket", opened.ticketId())
                .param("level", SupportLevel.L1.name())
                .param("typeRank", typeRank(opened.type()))
                .param("priorityRank", priorityRank(opened.priority()))
                .param("openedAt", java.sql.Timestamp.from(at))
                .param("status", TicketStatus.OPEN.name())
                .param("sequence", sequence)
                .update();
    }

    /** Assigned (directly, or taken): out of its level's queue, into the engineer's. */
    private void assigned(TicketAssigned assigned, long sequence) {
        update(assigned.ticketId(), sequence, "status = :status, assignee = :engineer")
                .param("status", TicketStatus.ASSIGNED.name())
                .param("engineer", assigned.engineer())
                .update();
    }

    /** To L2 or L3: back in a queue, that level's, unassigned. To VENDOR: it keeps its engineer, in no queue. */
    private void escalated(TicketEscalated escalated, long sequence) {
        update(escalated.ticketId(), sequence, "level = :level, status = :status, assignee = :engineer")
                .param("level", escalated.toLevel().name())
                .param("status", (escalated.engineer() == null ? TicketStatus.OPEN : TicketStatus.ASSIGNED).name())
                .param("engineer", escalated.engineer())
                .update();
    }

    /** A reopened ticket goes back to the engineer it had, not to the queue. */
    private void reopened(TicketReopened reopened, long sequence) {
        update(reopened.ticketId(), sequence, "status = :status, assignee = :engineer")
                .param("status", TicketStatus.ASSIGNED.name())
                .param("engineer", reopened.engineer())
                .update();
    }

    /** A new type or priority moves the ticket to its new place in its queue at once (docs/domain.md, "Queues"). */
    private void reclassified(TicketReclassified reclassified, long sequence) {
        update(reclassified.ticketId(), sequence, "type_rank = :typeRank, priority_rank = :priorityRank")
                .param("typeRank", typeRank(reclassified.toType()))
                .param("priorityRank", priorityRank(reclassified.toPriority()))
                .update();
    }

    /** An update of the ticket's row by its event at {@code sequence}, unless that event was already applied. */
    private JdbcClient.StatementSpec update(UUID ticket, long sequence, String assignments) {
        return jdbc.sql("UPDATE queue_index SET " + assignments + ", sequence = :sequence, position = " + POSITION
                        + "\nWHERE ticket_id = :ticket AND sequence < :sequence")
                .param("ticket", ticket)
                .param("sequence", sequence);
    }

    /**
     * Locks the head of {@code level}'s queue, passing over the tickets in {@code passedOver} and those another
     * transaction holds (SKIP LOCKED: a racing taker never waits for, nor gets, the same ticket). The lock lasts
     * until the caller's transaction ends.
     */
    Optional<UUID> lockHead(SupportLevel level, Collection<UUID> passedOver) {
        JdbcClient.StatementSpec head = jdbc.sql("SELECT ticket_id FROM queue_index"
                        + " WHERE level = :level AND status = 'OPEN' AND assignee IS NULL"
                        + (passedOver.isEmpty() ? "" : " AND ticket_id NOT IN (:passedOver)")
                        + " ORDER BY " + QUEUE_ORDER + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("level", level.name());
        if (!passedOver.isEmpty()) {
            head = head.param("passedOver", passedOver);
        }
        return head.query(UUID.class).optional();
    }

    /** The newest position applied: every event after it is one the index may not have seen. */
    long position() {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM queue_index").query(Long.class).single();
    }

    /** Incidents come before requests and changes in every queue (docs/domain.md, "Queues"). */
    static int typeRank(TicketType type) {
        return type == TicketType.INCIDENT ? 0 : 1;
    }

    /** CRITICAL > HIGH > MEDIUM > LOW: the enum's declaration order. */
    static int priorityRank(Priority priority) {
        return priority.ordinal();
    }
}
