package com.ticketledger.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.read.TicketNotFound;
import com.ticketledger.query.read.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/tickets/{id}/history}: oldest first; a client sees PUBLIC entries of its own tickets only. */
@RestController
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(ProcessingGroups.TICKET_HISTORY)
@Tag(name = "Tickets")
class HistoryController {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    HistoryController(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @Operation(operationId = "getTicketHistory", summary = "Read a ticket's timeline",
            description = "Oldest first. A client sees the PUBLIC entries of its own organisation's tickets only.")
    @GetMapping("/{ticketId}/history")
    List<HistoryEntry> history(@PathVariable UUID ticketId) {
        Viewer viewer = Viewer.current();
        List<HistoryEntry> entries = jdbc.sql("""
                        SELECT position, at, type, actor, actor_role, visibility, summary, details::TEXT AS details
                        FROM ticket_history
                        WHERE ticket_id = :ticketId
                          AND (CAST(:organisation AS VARCHAR) IS NULL
                               OR (client_id = :organisation AND visibility = 'PUBLIC'))
                        ORDER BY position""")
                .param("ticketId", ticketId)
                .param("organisation", viewer.organisation())
                .query((rs, n) -> new HistoryEntry(rs.getLong("position"), rs.getTimestamp("at").toInstant(),
                        rs.getString("type"), rs.getString("actor"), rs.getString("actor_role"),
                        Visibility.valueOf(rs.getString("visibility")), rs.getString("summary"),
                        parse(rs.getString("details"))))
                .list();
        if (entries.isEmpty()) {
            throw new TicketNotFound(ticketId);
        }
        return entries;
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
