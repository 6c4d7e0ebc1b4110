package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.read.Page;
import com.ticketledger.query.read.Viewer;
import com.ticketledger.sla.SlaState;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every read of the status projection, each scoped to what the viewer may see, and each turning rows into
 * status views with the SLA states of the moment of reading.
 */
@Service
public class StatusReads {

    private final StatusRows rows;
    private final Clock clock;

    StatusReads(StatusRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public Optional<TicketStatusView> find(UUID ticketId, Viewer viewer) {
        return rows.find(ticketId).filter(row -> viewer.sees(row.clientId())).map(row -> view(row, clock.instant()));
    }

    /** {@code GET /api/tickets/by-number/{number}}: {@code number} as {@link TicketNumber#canonical} writes it. */
    public Optional<TicketStatusView> findByNumber(String number, Viewer viewer) {
        return rows.withNumber(number).stream()
                .filter(row -> viewer.sees(row.clientId())).findFirst().map(row -> view(row, clock.instant()));
    }

    /** {@code GET /api/tickets}: filtered, in opening order, keyset-paginated on the opening's position. */
    public Page<TicketStatusView> list(TicketStatus status, Priority priority, String clientId, String cursor,
            int limit, Viewer viewer) {
        Long after = cursor == null ? null : Long.parseLong(Cursor.decode(cursor, 1).get(0));
        List<StatusRow> found = rows.inOpeningOrder(viewer.isClient() ? viewer.organisation() : null, clientId,
                status, priority, after, limit + 1);
        return page(found, limit, last -> Cursor.encode(last.openedPosition()));
    }

    /**
     * A level's queue: for L1 to L3 its open, unassigned tickets, in queue order; for VENDOR the tickets waiting
     * on the vendor ({@link #vendorQueue}).
     */
    public Page<TicketStatusView> levelQueue(SupportLevel level, String cursor, int limit) {
        if (level == SupportLevel.VENDOR) {
            return vendorQueue(cursor, limit);
        }
        return queuePage(rows.levelQueue(level, queueKey(cursor), limit + 1), limit);
    }

    /**
     * The tickets waiting on the vendor: at VENDOR and ASSIGNED (a ticket escalated to VENDOR keeps its engineer,
     * so it is never OPEN there; one pending closure waits on the client, not the vendor, and comes back here if
     * reopened), oldest escalation to the vendor first ({@link StatusRows#vendorQueue}).
     */
    public Page<TicketStatusView> vendorQueue(String cursor, int limit) {
        StatusRows.VendorKey after = null;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                after = new StatusRows.VendorKey(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)));
            } catch (RuntimeException e) {
                throw new Cursor.InvalidCursor();
            }
        }
        List<StatusRow> found = rows.vendorQueue(after, limit + 1);
        return page(found, limit, last -> Cursor.encode(last.vendorEscalatedAt(), last.ticketId()));
    }

    /** An engineer's tickets that are not closed (assigned, or pending the client's acceptance), in queue order. */
    public Page<TicketStatusView> engineerQueue(String engineer, String cursor, int limit) {
        return queuePage(rows.engineerQueue(engineer, queueKey(cursor), limit + 1), limit);
    }

    /** The queue position a cursor names: the last row of the page before; {@code null} for the first page. */
    private static StatusRows.QueueKey queueKey(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = Cursor.decode(cursor, 4);
        try {
            return new StatusRows.QueueKey(Integer.parseInt(keys.get(0)), Integer.parseInt(keys.get(1)),
                    Instant.parse(keys.get(2)), UUID.fromString(keys.get(3)));
        } catch (RuntimeException e) {
            throw new Cursor.InvalidCursor();
        }
    }

    private Page<TicketStatusView> queuePage(List<StatusRow> found, int limit) {
        return page(found, limit, last -> Cursor.encode(StatusRow.typeRank(last.type()),
                StatusRow.priorityRank(last.priority()), last.openedAt(), last.ticketId()));
    }

    /**
     * Tickets neither closed nor cancelled whose response, resolution or update is in the given state now, most
     * urgent (earliest due of a target still running) first. {@link StatusRows#slaCandidates} narrows to rows that
     * can be at risk or breached; the state itself is decided in one place, {@link SlaView#of}.
     */
    public List<TicketStatusView> inState(SlaState wanted, int limit) {
        Instant now = clock.instant();
        List<StatusRow> candidates = rows.slaCandidates(now);
        List<TicketStatusView> matching = new ArrayList<>();
        for (StatusRow row : candidates) {
            TicketStatusView view = view(row, now);
            if (view.sla().responseState() == wanted || view.sla().resolutionState() == wanted
                    || view.sla().updateState() == wanted) {
                matching.add(view);
            }
        }
        matching.sort(java.util.Comparator.comparing(StatusReads::mostUrgentDue).thenComparing(TicketStatusView::number));
        return matching.size() > limit ? matching.subList(0, limit) : matching;
    }

    private static Instant mostUrgentDue(TicketStatusView view) {
        SlaView sla = view.sla();
        boolean responsePending = sla.respondedAt() == null;
        Instant due = responsePending && sla.responseDueAt().isBefore(sla.resolutionDueAt())
                ? sla.responseDueAt() : sla.resolutionDueAt();
        boolean updateRunning = view.status() == TicketStatus.OPEN || view.status() == TicketStatus.ASSIGNED;
        return updateRunning && sla.updateDueAt().isBefore(due) ? sla.updateDueAt() : due;
    }

    private Page<TicketStatusView> page(List<StatusRow> found, int limit,
            java.util.function.Function<StatusRow, String> cursorOf) {
        Instant now = clock.instant();
        boolean more = found.size() > limit;
        List<StatusRow> shown = more ? found.subList(0, limit) : found;
        List<TicketStatusView> items = shown.stream().map(row -> view(row, now)).toList();
        return new Page<>(items, more ? cursorOf.apply(shown.get(shown.size() - 1)) : null);
    }

    /** The view of a row at {@code now}: SLA states are decided at the time of reading. */
    public TicketStatusView view(StatusRow row, Instant now) {
        SlaView slaView = SlaView.of(row, now);
        return new TicketStatusView(row.ticketId(), row.number(), row.clientId(), row.title(), row.type(),
                row.priority(), row.category(), row.status(), row.level(), row.assignee(), row.openedAt(), row.updatedAt(),
                row.reopenCount(), row.version(), slaView, row.vendorCaseRef(), row.vendorEscalatedAt(),
                row.autoAcceptAt());
    }
}
