package com.ticketledger.query.status;

import com.ticketledger.events.Priority;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.query.read.Cursor;
import com.ticketledger.query.read.Page;
import com.ticketledger.query.read.Viewer;
import com.ticketledger.web.problem.InvalidField;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/tickets?q=}: full-text search of {@code ticket_search} (kept by {@link SearchProjection}), best
 * match first. A client's search covers its own organisation's tickets, and their title, description and PUBLIC
 * notes only; the desk's covers internal notes too. The words are read as a web search ("a phrase", or, -word) in
 * Spanish and in English, accents ignored, by PostgreSQL ({@code ticket_search_query}, db/query): whatever they hold
 * is never SQL and never a syntax error.
 * <p>
 * Ranked by {@code ts_rank_cd} (cover density: the words close together, in the title rather than the description
 * or notes), then newest first; of a search matching more than {@link #RANKED_AT_MOST} tickets, the newest that
 * many are ranked. The list's cursor (the opening's position) cannot page a ranked order, so a search
 * page's cursor is the last item's rank and opening position, and the next page holds what ranks below it (or the
 * same, opened before it): no offset, and a ticket whose rank changes between pages is not shown twice in a row.
 */
@Service
public class TicketSearch {

    /** The longest search accepted, in characters (docs/api.md). */
    public static final int MAX_WORDS = 200;

    /**
     * A search ranks at most this many matches, the newest (docs/api.md): PostgreSQL reads each ranked document,
     * about 4 µs apiece, so a search matching 15,000 of 100,000 tickets took 118 ms at p99 when all were ranked.
     * Words that match more tickets than this are too broad to browse anyway; their best among the newest come first.
     */
    static final int RANKED_AT_MOST = 2_000;

    private final JdbcClient jdbc;
    private final StatusReads reads;
    private final Clock clock;

    TicketSearch(NamedParameterJdbcTemplate jdbcTemplate, StatusReads reads, Clock clock) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.reads = reads;
        this.clock = clock;
    }

    private record Ranked(StatusRow row, float rank) {
    }

    private static final RowMapper<Ranked> RANKED = (rs, n) -> new Ranked(StatusRows.ROW.mapRow(rs, n),
            rs.getFloat("search_rank"));

    public Page<TicketStatusView> search(String words, TicketStatus status, Priority priority, String clientId,
            String cursor, int limit, Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        params.put("words", checked(words));
        // A client never matches on internal text: its search reads the public document only.
        String document = viewer.isClient() ? "public_document" : "desk_document";
        StringBuilder where = new StringBuilder("x." + document + " @@ q.query");
        if (viewer.isClient()) {
            where.append(" AND x.client_id = :organisation");
            params.put("organisation", viewer.organisation());
        }
        if (clientId != null) {
            where.append(" AND x.client_id = :clientId");
            params.put("clientId", clientId);
        }
        if (status != null || priority != null) {
            where.append(" AND EXISTS (SELECT 1 FROM ticket_status f WHERE f.ticket_id = x.ticket_id");
            if (status != null) {
                where.append(" AND f.status = :status");
                params.put("status", status.name());
            }
            if (priority != null) {
                where.append(" AND f.priority = :priority");
                params.put("priority", priority.name());
            }
            where.append(")");
        }
        String after = "";
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                params.put("rank", Float.parseFloat(keys.get(0)));
                params.put("after", Long.parseLong(keys.get(1)));
            } catch (NumberFormatException e) {
                throw new Cursor.InvalidCursor();
            }
            after = "WHERE rank < CAST(:rank AS real) OR (rank = CAST(:rank AS real) AND opened_position < :after)";
        }
        params.put("limit", limit + 1);
        params.put("ranked", RANKED_AT_MOST);
        // The query is computed once (MATERIALIZED), not once per row; the GIN index of the document finds the
        // matches, the newest RANKED_AT_MOST of them are ranked (ranking reads each document: the cost of a search
        // grows with what it ranks), and only the page's rows are joined with their status views.
        List<Ranked> found = jdbc.sql("""
                        WITH q AS MATERIALIZED (SELECT ticket_search_query(:words) AS query),
                        newest AS (
                            SELECT x.ticket_id, x.opened_position, x.%s AS document
                            FROM ticket_search x CROSS JOIN q
                            WHERE %s
                            ORDER BY x.opened_position DESC LIMIT :ranked),
                        ranked AS (
                            SELECT n.ticket_id, n.opened_position, ts_rank_cd(n.document, q.query, 1) AS rank
                            FROM newest n CROSS JOIN q),
                        page AS (
                            SELECT * FROM ranked %s ORDER BY rank DESC, opened_position DESC LIMIT :limit)
                        SELECT s.*, page.rank AS search_rank
                        FROM page JOIN ticket_status s ON s.ticket_id = page.ticket_id
                        ORDER BY page.rank DESC, page.opened_position DESC""".formatted(document, where, after))
                .params(params).query(RANKED).list();
        Instant now = clock.instant();
        boolean more = found.size() > limit;
        List<Ranked> shown = more ? found.subList(0, limit) : found;
        Ranked last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Page<>(shown.stream().map(ranked -> reads.view(ranked.row(), now)).toList(),
                more ? Cursor.encode(last.rank(), last.row().openedPosition()) : null);
    }

    /** 1 to 200 characters of one line that are not all blank; anything else is a 400 naming {@code q}. */
    private static String checked(String words) {
        if (words.isBlank() || words.length() > MAX_WORDS || words.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("q", "field.q", MAX_WORDS);
        }
        return words;
    }
}
