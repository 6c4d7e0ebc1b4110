package com.ticketledger.query.status;

import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.BatchedInserts;
import com.ticketledger.query.processing.EventPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static com.ticketledger.query.processing.ColumnArrays.column;

/**
 * Keeps {@code ticket_search}, the text {@link TicketSearch} searches: title, description and notes, as a public
 * document (what a client's search covers) and a desk document (internal notes too). It is a handler of the status
 * projection's processing group, so a ticket's search row commits with its status row and the group's token, a
 * search that names a position waits for the same projection as the list, and a rebuild of "ticket-status" refills
 * both tables. The words are turned into a document by PostgreSQL ({@code ticket_search_document}, db/query): what
 * the events add (openings, notes) is kept in order through the processor's batch ({@link BatchedInserts}) and
 * written in one statement just before it commits, each ticket's row written once.
 */
@Component
@ProcessingGroup(StatusProjection.GROUP)
class SearchProjection {

    /** What a ticket's search row is made of, as the events add it: its opening, then its notes. */
    private sealed interface Added permits Opening, Note {
    }

    private record Opening(UUID ticketId, String clientId, long position, long sequence, String title,
            String description) implements Added {
    }

    private record Note(UUID ticketId, long sequence, String text, boolean isPublic) implements Added {
    }

    /**
     * The batch's notes, as both statements see them: {@code note}, one row per note in the order handled, and
     * {@code notes}, one row per ticket with its notes' columns as arrays in that order and its last note's
     * sequence. Each ticket's arrays are made in one pass over the notes (a look-up of the notes per ticket made
     * a batch's cost grow with its tickets times its notes).
     */
    private static final String NOTES = """
            WITH note AS (
                SELECT * FROM unnest(CAST(:noteTickets AS uuid[]), CAST(:noteSequences AS bigint[]),
                    CAST(:noteTexts AS text[]), CAST(:notePublics AS boolean[])) WITH ORDINALITY
                    AS n(ticket_id, sequence, text, public, ord)),
            notes AS (
                SELECT ticket_id, array_agg(sequence ORDER BY ord) AS sequences, array_agg(text ORDER BY ord) AS texts,
                    array_agg(public ORDER BY ord) AS publics, max(sequence) AS last
                FROM note GROUP BY ticket_id)
            """;

    /**
     * What a batch adds to the index, in one statement: its openings, each ticket's row once with the batch's notes
     * of its ticket already added ({@code opened}), then the batch's notes of the other tickets, each row once with
     * all its notes. A replayed opening leaves its row as it is ({@code ON CONFLICT DO NOTHING}): its notes then go
     * the second way; a note at or below the row's version was already added. The second part sees the rows as they
     * were before the statement, so a row the first inserts is neither seen nor updated by it. The opening's document
     * is made once: without {@code OFFSET 0} the planner folds its sub-query into the call that takes it twice (public
     * and desk) and made it twice, 13 µs of an opening's 30 (docs/BENCHMARKS.md, session 15). One statement, not one
     * for the openings and one for the notes: a round trip fewer on the status view's way to its commit (session 19).
     */
    static final String WRITE = NOTES + """
            , opened AS (
                INSERT INTO ticket_search (ticket_id, client_id, opened_position, version, public_document,
                    desk_document)
                SELECT o.ticket_id, o.client_id, o.position, d.version, d.public_document, d.desk_document
                FROM unnest(CAST(:tickets AS uuid[]), CAST(:clients AS text[]), CAST(:positions AS bigint[]),
                        CAST(:sequences AS bigint[]), CAST(:titles AS text[]), CAST(:descriptions AS text[]))
                        WITH ORDINALITY AS o(ticket_id, client_id, position, sequence, title, description, ord)
                LEFT JOIN notes ON notes.ticket_id = o.ticket_id
                CROSS JOIN LATERAL (SELECT ticket_search_document(o.title, 'A')
                        || ticket_search_document(o.description, 'B') AS document OFFSET 0) opening
                CROSS JOIN LATERAL ticket_search_notes(o.sequence, opening.document, opening.document,
                        notes.sequences, notes.texts, notes.publics) d
                ORDER BY o.ord
                ON CONFLICT (ticket_id) DO NOTHING
                RETURNING ticket_id)
            UPDATE ticket_search AS x
            SET (version, public_document, desk_document) = (
                SELECT d.version, d.public_document, d.desk_document
                FROM ticket_search_notes(x.version, x.public_document, x.desk_document,
                    notes.sequences, notes.texts, notes.publics) d)
            FROM notes
            WHERE x.ticket_id = notes.ticket_id AND x.version < notes.last
                AND notes.ticket_id NOT IN (SELECT ticket_id FROM opened)""";

    private final NamedParameterJdbcTemplate jdbcTemplate;
    private final EventPositions positions;
    private final BatchedInserts<Added> added;

    SearchProjection(NamedParameterJdbcTemplate jdbcTemplate, EventPositions positions) {
        this.jdbcTemplate = jdbcTemplate;
        this.positions = positions;
        this.added = new BatchedInserts<>("ticket_search", this::write);
    }

    @EventHandler
    void on(TicketOpened opened, @SequenceNumber long sequence, @MessageIdentifier String eventIdentifier) {
        added.add(new Opening(opened.ticketId(), opened.clientId(), positions.of(eventIdentifier), sequence,
                opened.title(), opened.description()));
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
        added.add(new Note(note.ticketId(), sequence, note.text(), note.visibility() != Visibility.INTERNAL));
    }

    @ResetHandler
    void reset() {
        jdbcTemplate.getJdbcTemplate().update("DELETE FROM ticket_search");
    }

    /**
     * Each ticket's row written once, in one statement ({@link #WRITE}, with {@code ticket_search_notes}, db/query):
     * the documents are those of an opening followed by one UPDATE per note, in the order handled.
     */
    private void write(List<Added> rows) {
        List<Opening> openings = rows.stream().filter(Opening.class::isInstance).map(Opening.class::cast).toList();
        List<Note> notes = rows.stream().filter(Note.class::isInstance).map(Note.class::cast).toList();
        JdbcClient.create(jdbcTemplate).sql(WRITE)
                .param("tickets", column(openings, Opening::ticketId, UUID[]::new))
                .param("clients", column(openings, Opening::clientId, String[]::new))
                .param("positions", column(openings, Opening::position, Long[]::new))
                .param("sequences", column(openings, Opening::sequence, Long[]::new))
                .param("titles", column(openings, Opening::title, String[]::new))
                .param("descriptions", column(openings, Opening::description, String[]::new))
                .param("noteTickets", column(notes, Note::ticketId, UUID[]::new))
                .param("noteSequences", column(notes, Note::sequence, Long[]::new))
                .param("noteTexts", column(notes, Note::text, String[]::new))
                .param("notePublics", column(notes, Note::isPublic, Boolean[]::new))
                .update();
    }
}
