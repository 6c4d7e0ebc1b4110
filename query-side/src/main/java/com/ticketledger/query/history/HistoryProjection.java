package com.ticketledger.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ticketledger.events.AssignedVia;
import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.events.CancellationReason;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.policy.SlaPolicies;
import com.ticketledger.query.processing.BatchedInserts;
import com.ticketledger.query.processing.ColumnArrays;
import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.sla.ClosureProperties;
import com.ticketledger.sla.SlaTarget;
import com.ticketledger.store.privacy.PersonalDataCipher;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static com.ticketledger.query.processing.ColumnArrays.column;
import static com.ticketledger.query.processing.ColumnArrays.instants;

/**
 * One row per event and ticket, keyed by its global position and the ticket: a replayed event is not recorded
 * twice. A ticket closed as a duplicate also leaves an entry, {@value #DUPLICATE_CLOSED}, in its original's
 * timeline, from the same event. The organisation
 * comes from the opening and is copied onto every later row of the ticket. A processor's batch of entries is
 * written in one statement just before it commits ({@link BatchedInserts}).
 */
@Component
@ProcessingGroup(ProcessingGroups.TICKET_HISTORY)
class HistoryProjection {

    private static final int SUMMARY_TEXT = 200;

    /** The type of the entry a ticket closed as a duplicate leaves in its original's timeline. */
    static final String DUPLICATE_CLOSED = "DuplicateClosed";

    private final NamedParameterJdbcTemplate jdbcTemplate;
    private final ObjectMapper objectMapper;
    private final EventPositions positions;
    private final Subjects subjects;

    private final EventStore eventStore;
    private final SlaPolicies policies;
    private final BatchedInserts<Entry> entries;

    HistoryProjection(NamedParameterJdbcTemplate jdbcTemplate, ObjectMapper objectMapper, EventPositions positions,
            Subjects subjects, EventStore eventStore, SlaPolicies policies) {
        this.jdbcTemplate = jdbcTemplate;
        this.objectMapper = objectMapper;
        this.positions = positions;
        this.subjects = subjects;
        this.eventStore = eventStore;
        this.policies = policies;
        this.entries = new BatchedInserts<>("ticket_history", this::write);
    }

    /**
     * The acceptance period of an automatic acceptance: that of the policy version the ticket was opened under, read
     * from its opening in the ledger (an automatic acceptance comes once in a ticket's life, so the read is rare);
     * {@code null} for any other event.
     */
    private SlaTarget acceptancePeriod(TicketEvent event) {
        if (!(event instanceof ClosureAccepted accepted && accepted.automatic())) {
            return null;
        }
        DomainEventStream stream = eventStore.readEvents(event.ticketId().toString());
        TicketOpened opening = (TicketOpened) stream.next().getPayload();
        return policies.of(opening).autoAcceptAfter();
    }

    /** The period as the desk says it ("5 business days"), or {@code null} for none. */
    private static String described(SlaTarget period) {
        return period == null ? null : new ClosureProperties(period).describeAutoAcceptAfter();
    }

    /** One row of {@code ticket_history}; {@code clientId} is {@code null} where it is the stored opening's. */
    private record Entry(long position, UUID ticketId, String clientId, long sequence, Instant at, String type,
            String actor, String role, String visibility, String summary, String details, String subjectRef) {
    }

    @EventHandler
    void on(TicketEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MessageIdentifier String eventIdentifier, @MetaDataValue(MetaDataKeys.USER) String user,
            @MetaDataValue(MetaDataKeys.ROLE) String role) {
        long position = positions.of(eventIdentifier);
        SlaTarget period = acceptancePeriod(event);
        String visibility = visibility(event).name();
        String details = json(event, period);
        String subjectRef = subjectRef(event);
        entries.add(new Entry(position, event.ticketId(),
                event instanceof TicketOpened opened ? opened.clientId() : null, sequence, at,
                event.getClass().getSimpleName(), user, role, visibility, summary(event, described(period)), details,
                subjectRef));
        if (event instanceof TicketCancelled cancelled && cancelled.duplicateOf() != null) {
            entries.add(new Entry(position, cancelled.duplicateOf(), cancelled.clientId(), sequence, at,
                    DUPLICATE_CLOSED, user, role, visibility,
                    cancelled.number() + " was closed as a duplicate of this ticket: " + shorten(cancelled.note()),
                    details, subjectRef));
        }
    }

    /**
     * Writes entries together (a processor batch's, just before it commits: {@link BatchedInserts}) in one
     * statement, each column one array ({@link ColumnArrays}): a JDBC batch, which the driver sent as multi-row
     * inserts, was planned afresh at every execution, a sub-query per row (docs/BENCHMARKS.md, session 13). An
     * entry's organisation is that of its ticket's opening: the opening's own, copied here onto the entries written
     * with it (the statement cannot see an opening it inserts itself), else read from the stored opening.
     */
    private void write(List<Entry> rows) {
        Map<UUID, String> openedFor = new HashMap<>();
        for (Entry row : rows) {
            if (TicketOpened.class.getSimpleName().equals(row.type())) {
                openedFor.put(row.ticketId(), row.clientId());
            }
        }
        JdbcClient.create(jdbcTemplate).sql("""
                        INSERT INTO ticket_history (position, ticket_id, client_id, sequence, at, type, actor,
                            actor_role, visibility, summary, details, subject_ref)
                        SELECT e.position, e.ticket_id,
                            coalesce(e.client_id, (SELECT h.client_id FROM ticket_history h
                                                   WHERE h.ticket_id = e.ticket_id AND h.sequence = 0)),
                            e.sequence, e.at, e.type, e.actor, e.role, e.visibility, e.summary,
                            CAST(e.details AS JSONB), e.subject_ref
                        FROM unnest(CAST(:positions AS BIGINT[]), CAST(:tickets AS UUID[]), CAST(:clients AS TEXT[]),
                                CAST(:sequences AS BIGINT[]), CAST(:ats AS TIMESTAMPTZ[]), CAST(:types AS TEXT[]),
                                CAST(:actors AS TEXT[]), CAST(:roles AS TEXT[]), CAST(:visibilities AS TEXT[]),
                                CAST(:summaries AS TEXT[]), CAST(:details AS TEXT[]), CAST(:subjectRefs AS TEXT[]))
                            AS e(position, ticket_id, client_id, sequence, at, type, actor, role, visibility, summary,
                                details, subject_ref)
                        ON CONFLICT (position, ticket_id) DO NOTHING""")
                .param("positions", column(rows, Entry::position, Long[]::new))
                .param("tickets", column(rows, Entry::ticketId, UUID[]::new))
                .param("clients", column(rows, row -> row.clientId() != null ? row.clientId()
                        : openedFor.get(row.ticketId())))
                .param("sequences", column(rows, Entry::sequence, Long[]::new))
                .param("ats", instants(rows, Entry::at))
                .param("types", column(rows, Entry::type))
                .param("actors", column(rows, Entry::actor))
                .param("roles", column(rows, Entry::role))
                .param("visibilities", column(rows, Entry::visibility))
                .param("summaries", column(rows, Entry::summary))
                .param("details", column(rows, Entry::details))
                .param("subjectRefs", column(rows, Entry::subjectRef))
                .update();
    }

    /**
     * The subject's entries are overwritten as a read shows them once the subject is erased: the event's personal
     * data {@value PersonalData#ERASED} in the details and in the summary. The batch's entries are written first,
     * so that an opening handled in the same batch is overwritten too.
     */
    @EventHandler
    void on(PersonalDataErased erased) {
        // This instance reads the subject as erased from now on, not only once its caches expire.
        subjects.forget(erased.subjectRef());
        entries.flush();
        List<Map<String, Object>> rows = jdbcTemplate.query("""
                        SELECT position, ticket_id, type, details FROM ticket_history WHERE subject_ref = :ref""",
                Map.of("ref", erased.subjectRef()), (rs, n) -> {
                    TicketEvent event = erasedEvent(rs.getString("type"), rs.getString("details"));
                    Map<String, Object> row = new HashMap<>();
                    row.put("position", rs.getLong("position"));
                    row.put("ticketId", rs.getObject("ticket_id"));
                    row.put("summary", summary(event, described(acceptancePeriod(event))));
                    row.put("details", json(event));
                    return row;
                });
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                            UPDATE ticket_history SET summary = :summary, details = CAST(:details AS JSONB)
                            WHERE position = :position AND ticket_id = :ticketId""",
                    rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * Whose personal data an entry holds: the reporter of an opening, or of a note marked as theirs; {@code null}
     * for none (or already erased).
     */
    private String subjectRef(TicketEvent event) {
        if (event instanceof TicketOpened opened && opened.reporter() != null
                && !PersonalData.ERASED.equals(opened.reporter().name())) {
            return subjects.refOf(opened.reporter().dataSubject());
        }
        if (event instanceof NoteAdded note && note.personalDataOf() != null
                && !PersonalData.ERASED.equals(note.personalDataOf())) {
            return subjects.refOf(note.personalDataOf());
        }
        return null;
    }

    private TicketEvent erasedEvent(String type, String details) {
        try {
            Class<?> eventClass = Class.forName(TicketEvent.class.getPackageName() + "." + type);
            return (TicketEvent) PersonalDataCipher.erasedCopy((Record) objectMapper.readValue(details, eventClass));
        } catch (ClassNotFoundException | JsonProcessingException e) {
            throw new IllegalStateException("a history entry of type " + type + " could not be read back", e);
        }
    }

    @ResetHandler
    void reset() {
        jdbcTemplate.getJdbcTemplate().update("DELETE FROM ticket_history");
    }

    /**
     * Only internal notes and attachments are hidden from the client; every state the ticket passed through is
     * theirs to see.
     */
    static Visibility visibility(TicketEvent event) {
        if (event instanceof AttachmentAdded attachment) {
            return attachment.visibility();
        }
        return event instanceof NoteAdded note ? note.visibility() : Visibility.PUBLIC;
    }

    /**
     * The entry in a service-desk person's words. An automatic acceptance names the acceptance period of the ticket's
     * policy version ({@code acceptancePeriod}).
     */
    static String summary(TicketEvent event, String acceptancePeriod) {
        if (event instanceof TicketOpened opened) {
            return "Ticket " + opened.number() + " opened: " + opened.title() + " (" + opened.priority() + " "
                    + opened.type() + ")";
        }
        if (event instanceof TicketAssigned assigned && assigned.via() == AssignedVia.TAKE_NEXT) {
            return "Taken from the " + assigned.level() + " queue by " + assigned.engineer();
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
        if (event instanceof ClosureAccepted accepted && accepted.automatic()) {
            return "Closed: accepted automatically by the ledger (no answer within " + acceptancePeriod + ")";
        }
        if (event instanceof ClosureAccepted accepted) {
            return "Closed: the client accepted the resolution"
                    + (accepted.comment() == null ? "" : " (" + shorten(accepted.comment()) + ")");
        }
        if (event instanceof TicketReopened reopened) {
            return "Reopened from " + reopened.fromStatus() + ", back to " + reopened.engineer() + ": "
                    + shorten(reopened.reason());
        }
        if (event instanceof AttachmentAdded attachment) {
            return (attachment.visibility() == Visibility.INTERNAL ? "Internal attachment: " : "Attachment: ")
                    + attachment.fileName() + " (" + attachment.mediaType() + ", " + attachment.size() + " bytes)";
        }
        if (event instanceof TicketReclassified reclassified) {
            List<String> changes = new ArrayList<>();
            if (reclassified.fromPriority() != reclassified.toPriority()) {
                changes.add("priority " + reclassified.fromPriority() + " → " + reclassified.toPriority());
            }
            if (reclassified.fromType() != reclassified.toType()) {
                changes.add("type " + reclassified.fromType() + " → " + reclassified.toType());
            }
            if (!Objects.equals(reclassified.fromCategory(), reclassified.toCategory())) {
                changes.add("category " + (reclassified.fromCategory() == null ? "none" : reclassified.fromCategory())
                        + " → " + reclassified.toCategory());
            }
            return "Reclassified, " + String.join(", ", changes) + ": " + shorten(reclassified.reason());
        }
        if (event instanceof TicketCancelled cancelled) {
            return cancellation(cancelled.reason(), cancelled.duplicateOfNumber()) + ": " + shorten(cancelled.note());
        }
        throw new IllegalArgumentException("no summary for " + event.getClass().getName());
    }

    private static String cancellation(CancellationReason reason, String originalNumber) {
        switch (reason) {
            case WITHDRAWN:
                return "Withdrawn by the client";
            case DUPLICATE:
                return "Closed as a duplicate of " + originalNumber;
            case OUT_OF_SCOPE:
                return "Cancelled: out of the desk's scope";
            case NO_CONTRACT:
                return "Cancelled: no contract covers it";
            default:
                throw new IllegalArgumentException("unknown cancellation reason " + reason);
        }
    }

    private static String shorten(String text) {
        return text.length() <= SUMMARY_TEXT ? text : text.substring(0, SUMMARY_TEXT - 1) + "…";
    }

    /**
     * The event's fields as the entry's details; an automatic acceptance adds {@code acceptancePeriod}, its ticket's
     * period as written ({@code 5d}), so that a page can say it in its own language.
     */
    private String json(TicketEvent event, SlaTarget acceptancePeriod) {
        if (acceptancePeriod == null) {
            return json(event);
        }
        ObjectNode details = objectMapper.valueToTree(event);
        details.put("acceptancePeriod", acceptancePeriod.toString());
        return details.toString();
    }

    private String json(TicketEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
