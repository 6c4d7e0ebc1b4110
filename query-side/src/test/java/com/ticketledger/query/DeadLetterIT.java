package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event a projection fails on is parked in its dead-letter queue: that ticket's later events wait behind it,
 * every other ticket goes on, and once the cause is fixed a retry brings the ticket's rows to what a fresh
 * rebuild gives. The failure is {@link ProjectionFaults}': the status rows' evolution fails for chosen tickets.
 */
class DeadLetterIT extends QuerySideIT {

    private static final String STATUS = ProcessingGroups.TICKET_STATUS;

    @AfterEach
    void fixEverything() {
        ProjectionFaults.FAILING.clear();
    }

    @Test
    void aPoisonedTicketStopsOnlyItsOwnRowsAndARetryAfterTheFixCatchesItUp() throws Exception {
        TicketOpened poisoned = Tickets.opened("acme");
        TicketOpened healthy = Tickets.opened("acme");
        ProjectionFaults.FAILING.add(poisoned.ticketId());

        append(poisoned, OPERATOR, Instant.now());
        append(healthy, OPERATOR, Instant.now());
        append(new TicketAssigned(poisoned.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, Instant.now());
        long last = append(new NoteAdded(healthy.ticketId(), "still fine", Visibility.PUBLIC), ANA, Instant.now());

        // the other ticket goes on; the poisoned one is not in the status view at all
        // (a projection busy with an earlier class's rebuild may need longer than one read's wait to get there)
        awaitUntil("the healthy ticket is projected", Duration.ofSeconds(60),
                () -> getAt("operator", "/api/tickets/" + healthy.ticketId(), last).status() == 200);
        assertThat(get("operator", "/api/tickets/" + poisoned.ticketId()).status()).isEqualTo(404);

        // both of its events are parked, in order, with the cause; the projection's status counts them
        JsonNode letters = get("operator", "/api/admin/projections/" + STATUS + "/dead-letters").json();
        JsonNode sequence = sequenceOf(letters, poisoned.ticketId());
        assertThat(sequence.get("letters")).hasSize(2);
        assertThat(sequence.get("letters").get(0).get("eventType").asText()).isEqualTo("TicketOpened");
        assertThat(sequence.get("letters").get(1).get("eventType").asText()).isEqualTo("TicketAssigned");
        assertThat(sequence.get("letters").get(0).get("causeMessage").asText()).contains("fault injected");
        assertThat(projection(STATUS).get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);

        // a retry before the fix keeps them parked
        JsonNode early = send("POST", "operator", "/api/admin/projections/" + STATUS + "/dead-letters/retry");
        assertThat(early.get("lettersLeft").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(get("operator", "/api/tickets/" + poisoned.ticketId()).status()).isEqualTo(404);

        // the fix, then a retry: the ticket's rows are what a fresh rebuild of the same events gives
        ProjectionFaults.FAILING.remove(poisoned.ticketId());
        JsonNode retried = send("POST", "operator", "/api/admin/projections/" + STATUS + "/dead-letters/retry");
        assertThat(retried.get("ticketsHandled").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode view = get("operator", "/api/tickets/" + poisoned.ticketId()).json();
        assertThat(view.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.get("assignee").asText()).isEqualTo("ana");
        assertThat(sequenceOf(get("operator", "/api/admin/projections/" + STATUS + "/dead-letters").json(),
                poisoned.ticketId())).isNull();

        // the reports keep the same rows from the same events (their queue parked them too): retried there, and
        // then rebuilt from the first event, the two tables agree on the ticket
        send("POST", "operator", "/api/admin/projections/" + ProcessingGroups.REPORTS + "/dead-letters/retry");
        assertThat(send("POST", "analyst", "/api/admin/projections/" + ProcessingGroups.REPORTS + "/rebuild")
                .get("name").asText()).isEqualTo(ProcessingGroups.REPORTS);
        awaitUntil("the rebuilt report holds the ticket as the retried status row", Duration.ofSeconds(30),
                () -> row("report_ticket", poisoned.ticketId()).equals(row("ticket_status", poisoned.ticketId())));
    }

    @Test
    void anOperatorEvictsATicketsDeadLettersAndNobodyElseMay() throws Exception {
        TicketOpened poisoned = Tickets.opened("globex");
        ProjectionFaults.FAILING.add(poisoned.ticketId());
        long position = append(poisoned, OPERATOR, Instant.now());
        getAt("operator", "/api/tickets?limit=1", position);
        awaitUntil("the opening is parked", Duration.ofSeconds(10), () -> sequenceOf(
                get("operator", "/api/admin/projections/" + STATUS + "/dead-letters").json(), poisoned.ticketId()) != null);

        String path = "/api/admin/projections/" + STATUS + "/dead-letters/" + poisoned.ticketId();
        assertThat(status("DELETE", "analyst", path)).isEqualTo(403);
        assertThat(status("POST", "analyst", "/api/admin/projections/" + STATUS + "/dead-letters/retry")).isEqualTo(403);
        assertThat(status("DELETE", "operator", "/api/admin/projections/" + STATUS + "/dead-letters/not-a-uuid"))
                .isEqualTo(400);
        assertThat(status("DELETE", "operator", "/api/admin/projections/nonsense/dead-letters/" + UUID.randomUUID()))
                .isEqualTo(404);

        JsonNode evicted = send("DELETE", "operator", path);
        assertThat(evicted.get("evicted").asInt()).isEqualTo(1);
        assertThat(sequenceOf(get("auditor", "/api/admin/projections/" + STATUS + "/dead-letters").json(),
                poisoned.ticketId())).isNull();
        assertThat(status("DELETE", "operator", path)).isEqualTo(404);
        assertThat(get("operator", "/api/tickets/" + poisoned.ticketId()).status()).isEqualTo(404);

        // the evicted opening is missing from the status rows until a rebuild meets it again, fixed by then
        ProjectionFaults.FAILING.remove(poisoned.ticketId());
        for (String projection : List.of(STATUS, ProcessingGroups.REPORTS)) {
            send("POST", "operator", "/api/admin/projections/" + projection + "/rebuild");
        }
        awaitUntil("the rebuilt status view has the ticket", Duration.ofSeconds(60),
                () -> get("operator", "/api/tickets/" + poisoned.ticketId()).status() == 200
                        && !row("report_ticket", poisoned.ticketId()).isEmpty());
        awaitUntil("both rebuilds end", Duration.ofSeconds(60), () -> !projection(STATUS).get("replaying").asBoolean()
                && !projection(ProcessingGroups.REPORTS).get("replaying").asBoolean()
                && projection(STATUS).get("lag").asLong() == 0 && projection(ProcessingGroups.REPORTS).get("lag").asLong() == 0);
        assertThat(projection(STATUS).get("deadLetters").asLong()).isZero();
    }

    private static JsonNode sequenceOf(JsonNode list, UUID ticketId) {
        for (JsonNode sequence : list.get("tickets")) {
            if (sequence.get("sequence").asText().equals(ticketId.toString())) {
                return sequence;
            }
        }
        return null;
    }

    private Map<String, Object> row(String table, UUID ticketId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table + " WHERE ticket_id = :t")
                .param("t", ticketId).query().listOfRows();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private int status(String method, String user, String path) {
        return request(method, user, path).statusCode();
    }

    private JsonNode send(String method, String user, String path) throws Exception {
        HttpResponse<String> response = request(method, user, path);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
