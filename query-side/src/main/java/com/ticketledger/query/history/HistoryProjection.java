package com.ticketledger.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One row per event, keyed by its global position: a replayed event is not recorded twice. The organisation
 * comes from the opening and is copied onto every later row of the ticket.
 */
@Component
@ProcessingGroup(ProcessingGroups.TICKET_HISTORY)
class HistoryProjection {

    private static final int SUMMARY_TEXT = 200;

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final EventPositions positions;

    HistoryProjection(JdbcClient jdbc, ObjectMapper objectMapper, EventPositions positions) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.positions = positions;
    }

    @EventHandler
    void on(TicketEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MessageIdentifier String eventIdentifier, @MetaDataValue(MetaDataKeys.USER) String user,
            @MetaDataValue(MetaDataKeys.ROLE) String role) {
        String clientId = event instanceof TicketOpened opened ? opened.clientId() : null;
        jdbc.sql("""
                        INSERT INTO ticket_history (position, ticket_id, client_id, sequence, at, type, actor,
                            actor_role, visibility, summary, details)
                        VALUES (:position, :ticketId,
                            coalesce(:clientId, (SELECT h.client_id FROM ticket_history h
                                                 WHERE h.ticket_id = :ticketId AND h.sequence = 0)),
                            :sequence, :at, :type, :actor, :role, :visibility, :summary, CAST(:details AS JSONB))
                        ON CONFLICT (position) DO NOTHING""")
                .param("position", positions.of(eventIdentifier))
                .param("ticketId", event.ticketId())
                .param("clientId", clientId)
                .param("sequence", sequence)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("type", event.getClass().getSimpleName())
                .param("actor", user)
                .param("role", role)
                .param("visibility", visibility(event).name())
                .param("summary", summary(event))
                .param("details", json(event))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM ticket_history").update();
    }

    /** Only internal notes are hidden from the client; every state the ticket passed through is theirs to see. */
    static Visibility visibility(TicketEvent event) {
        return event instanceof NoteAdded note ? note.visibility() : Visibility.PUBLIC;
    }

    /** The entry in a service-desk person's words. */
    static String summary(TicketEvent event) {
        if (event instanceof TicketOpened opened) {
            return "Ticket " + opened.number() + " opened: " + opened.title() + " (" + opened.priority() + " "
                    + opened.type() + ")";
        }
        if (event instanceof TicketAssigned assigned) {
            return "Assigned to " + assigned.engineer() + " (" + assigned.level() + ")"
                    + (assigned.previousEngineer() == null ? "" : ", before " + assigned.previousEngineer());
        }
        if (event instanceof NoteAdded note) {
            return (note.visibility() == Visibility.INTERNAL ? "Internal note: " : "Note: ") + shorten(note.text());
        }
        if (event instanceof TicketEscalated escalated) {
            return escalated.toLevel() == SupportLevel.VENDOR
                    ? "Escalated to the vendor (case " + escalated.vendorCaseRef() + "), " + escalated.engineer()
                            + " follows it: " + shorten(escalated.reason())
                    : "Escalated from " + escalated.fromLevel() + " to " + escalated.toLevel() + ": "
                            + shorten(escalated.reason());
        }
        if (event instanceof TicketPendingClosure pending) {
            return "Resolved, waiting for the client's acceptance: " + shorten(pending.resolution());
        }
        if (event instanceof ClosureAccepted accepted) {
            return "Closed: the client accepted the resolution"
                    + (accepted.comment() == null ? "" : " (" + shorten(accepted.comment()) + ")");
        }
        if (event instanceof TicketReopened reopened) {
            return "Reopened from " + reopened.fromStatus() + ", back to " + reopened.engineer() + ": "
                    + shorten(reopened.reason());
        }
        throw new IllegalArgumentException("no summary for " + event.getClass().getName());
    }

    private static String shorten(String text) {
        return text.length() <= SUMMARY_TEXT ? text : text.substring(0, SUMMARY_TEXT - 1) + "…";
    }

    private String json(TicketEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
