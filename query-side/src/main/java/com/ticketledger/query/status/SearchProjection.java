package com.ticketledger.query.status;

import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.EventPositions;
import com.ticketledger.query.processing.ProcessorBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps {@code ticket_search}, the text {@link TicketSearch} searches: title, description and notes, as a public
 * document (what a client's search covers) and a desk document (internal notes too). It is a handler of the status
 * projection's processing group, so a ticket's search row commits with its status row and the group's token, a
 * search that names a position waits for the same projection as the list, and a rebuild of "ticket-status" refills
 * both tables. The words are turned into a document by PostgreSQL ({@code ticket_search_document}, db/query), each
 * processor batch's rows in two JDBC batches just before it commits.
 */
@Component
@ProcessingGroup(StatusProjection.GROUP)
class SearchProjection {

    private final NamedParameterJdbcTemplate jdbcTemplate;
    private final EventPositions positions;

    SearchProjection(NamedParameterJdbcTemplate jdbcTemplate, EventPositions positions) {
        this.jdbcTemplate = jdbcTemplate;
        this.positions = positions;
    }

    @EventHandler
    void on(TicketOpened opened, @SequenceNumber long sequence, @MessageIdentifier String eventIdentifier) {
        Map<String, Object> row = new HashMap<>();
        row.put("ticketId", opened.ticketId());
        row.put("clientId", opened.clientId());
        row.put("position", positions.of(eventIdentifier));
        row.put("sequence", sequence);
        row.put("title", opened.title());
        row.put("description", opened.description());
        batch().ifPresentOrElse(b -> b.openings.add(row), () -> write(new Batch(List.of(row), List.of())));
    }

    /**
     * A note marked as the reporter's personal data is not indexed: the index could not be cleaned of it at an
     * erasure without the other notes' text, which it does not keep.
     */
    @EventHandler
    void on(NoteAdded note, @SequenceNumber long sequence) {
        if (note.personalDataOf() != null) {
            return;
        }
        Map<String, Object> row = new HashMap<>();
        row.put("ticketId", note.ticketId());
        row.put("sequence", sequence);
        row.put("text", note.text());
        row.put("public", note.visibility() != Visibility.INTERNAL);
        batch().ifPresentOrElse(b -> b.notes.add(row), () -> write(new Batch(List.of(), List.of(row))));
    }

    @ResetHandler
    void reset() {
        jdbcTemplate.getJdbcTemplate().update("DELETE FROM ticket_search");
    }

    /** A processor batch's openings and notes, in the order handled (a ticket's notes follow its opening). */
    private record Batch(List<Map<String, Object>> openings, List<Map<String, Object>> notes) {
    }

    private Optional<Batch> batch() {
        return ProcessorBatch.resource(Batch.class.getName(), () -> new Batch(new ArrayList<>(), new ArrayList<>()),
                this::write);
    }

    /**
     * Openings first, so that the notes of a ticket opened in the same batch find its row. A replayed opening
     * leaves the row as it is; a note at or below the row's version was already added.
     */
    private void write(Batch batch) {
        if (!batch.openings.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                            INSERT INTO ticket_search (ticket_id, client_id, opened_position, version, public_document,
                                desk_document)
                            SELECT :ticketId, :clientId, :position, :sequence, opened.document, opened.document
                            FROM (SELECT ticket_search_document(:title, 'A')
                                      || ticket_search_document(:description, 'B') AS document) opened
                            ON CONFLICT (ticket_id) DO NOTHING""",
                    batch.openings.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
        if (!batch.notes.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                            UPDATE ticket_search AS x
                            SET version = :sequence,
                                public_document = CASE WHEN :public
                                    THEN ticket_search_append(x.public_document, note.document)
                                    ELSE x.public_document END,
                                desk_document = ticket_search_append(x.desk_document, note.document)
                            FROM (SELECT ticket_search_document(:text, 'C') AS document) note
                            WHERE x.ticket_id = :ticketId AND x.version < :sequence""",
                    batch.notes.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
        }
    }
}
