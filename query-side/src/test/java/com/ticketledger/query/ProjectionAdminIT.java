package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts and operators watch each projection's progress; an analyst rebuilds a reporting projection, an operator
 * any, while reads keep answering.
 */
class ProjectionAdminIT extends QuerySideIT {

    HttpResponse<String> post(String user, String path) {
        return request("POST", user, path);
    }

    List<Map<String, Object>> reportRows() {
        return jdbc.sql("SELECT * FROM report_ticket ORDER BY ticket_id").query().listOfRows();
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Serializer serializer;

    /** Stops the processor and stores, for each of its segments, a token that passed over {@code gaps}. */
    void passedOver(String processor, long index, Set<Long> gaps) {
        processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow().shutDown();
        SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(index, gaps),
                byte[].class);
        jdbc.sql("UPDATE token_entry SET token = :token, token_type = :type WHERE processor_name = :name")
                .param("token", token.getData()).param("type", token.getType().getName()).param("name", processor)
                .update();
    }

    @Test
    void eventCommittedInAGapThatWasPassedHoldsThePositionBelowIt() {
        long awaited = append(Tickets.opened("acme"), OPERATOR, Instant.now());
        long neverCommitted = jdbc.sql("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")
                .query(Long.class).single();
        long last = append(Tickets.opened("acme"), OPERATOR, Instant.now());
        // The processor has handled everything up to here: the tokens written below skip nothing it had not.
        getAt("analyst", "/api/reports/backlog", last);
        try {
            passedOver(ProcessingGroups.REPORTS, last, Set.of(neverCommitted));
            assertThat(projection(ProcessingGroups.REPORTS).get("position").asLong())
                    .as("a gap no event will fill holds nothing").isEqualTo(last);

            passedOver(ProcessingGroups.REPORTS, last, Set.of(awaited, neverCommitted));
            JsonNode reports = projection(ProcessingGroups.REPORTS);
            assertThat(reports.get("position").asLong()).isEqualTo(awaited - 1);
            assertThat(reports.get("lag").asLong()).isEqualTo(reports.get("headPosition").asLong() - (awaited - 1));
        } finally {
            processing.eventProcessor(ProcessingGroups.REPORTS, StreamingEventProcessor.class).orElseThrow().start();
        }
        awaitCaughtUp(ProcessingGroups.REPORTS);
    }

    void awaitCaughtUp(String name) {
        awaitUntil(name + " catches up", Duration.ofSeconds(30), () -> projection(name).get("lag").asLong() == 0);
        assertThat(projection(name).get("lag").asLong()).isZero();
    }

    @Test
    void everyProjectionReportsItsPositionHeadLagAndProgress() {
        long last = append(Tickets.opened("acme"), OPERATOR, Instant.now());
        getAt("analyst", "/api/reports/backlog", last);
        getAt("analyst", "/api/tickets?limit=1", last);
        JsonNode projections = get("auditor", "/api/admin/projections").json();
        List<String> names = new ArrayList<>();
        projections.forEach(projection -> names.add(projection.get("name").asText()));
        assertThat(names).contains(ProcessingGroups.TICKET_STATUS, ProcessingGroups.TICKET_HISTORY,
                ProcessingGroups.REPORTS);
        JsonNode reports = projection(ProcessingGroups.REPORTS);
        assertThat(reports.get("headPosition").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(reports.get("position").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(reports.get("lag").asLong()).isEqualTo(reports.get("headPosition").asLong()
                - reports.get("position").asLong());
        assertThat(reports.get("progress").asDouble()).isBetween(0.0, 1.0);
        assertThat(reports.get("replaying").isBoolean()).isTrue();
    }

    @Test
    void rebuiltReportEqualsWhatIncrementalProcessingBuilt() throws Exception {
        long last = 0;
        for (int i = 0; i < 50; i++) {
            last = append(Tickets.opened(i % 2 == 0 ? "acme" : "globex"), OPERATOR, Instant.now());
        }
        getAt("analyst", "/api/reports/backlog", last);
        List<Map<String, Object>> incremental = reportRows();

        HttpResponse<String> accepted = post("analyst", "/api/admin/projections/reports/rebuild");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).contains("/api/admin/projections");

        // Reads keep answering while it rebuilds; then the projection catches up with the same rows.
        assertThat(get("analyst", "/api/reports/backlog").status()).isEqualTo(200);
        assertThat(getAt("analyst", "/api/reports/backlog", last).status()).isEqualTo(200);
        // The processor claims its segments a moment after it starts, and only then says it replays: so the test
        // waits for the rebuilt table to hold what incremental processing built, then for the replay to be over.
        awaitUntil("the rebuilt rows equal the incremental ones", Duration.ofSeconds(30),
                () -> reportRows().equals(incremental));
        awaitUntil("the rebuild ends", Duration.ofSeconds(30),
                () -> !projection(ProcessingGroups.REPORTS).get("replaying").asBoolean());
        assertThat(reportRows()).isEqualTo(incremental);
    }

    @Test
    void anAnalystRebuildsOnlyTheReportingProjections() throws Exception {
        assertThat(post("analyst", "/api/admin/projections/" + ProcessingGroups.TICKET_STATUS + "/rebuild")
                .statusCode()).isEqualTo(403);
        assertThat(post("analyst", "/api/admin/projections/" + ProcessingGroups.TICKET_HISTORY + "/rebuild")
                .statusCode()).isEqualTo(403);
        assertThat(post("analyst", "/api/admin/projections/nonsense/rebuild").statusCode()).isEqualTo(403);
        assertThat(post("auditor", "/api/admin/projections/reports/rebuild").statusCode()).isEqualTo(403);
        assertThat(post("operator", "/api/admin/projections/nonsense/rebuild").statusCode()).isEqualTo(404);
        assertThat(get("operator", "/api/admin/projections").status()).isEqualTo(200);
    }

    @Test
    void anOperatorRebuildsTheDesksHistoryView() throws Exception {
        long last = 0;
        for (int i = 0; i < 20; i++) {
            last = append(Tickets.opened("acme"), OPERATOR, Instant.now());
        }
        getAt("operator", "/api/tickets?limit=1", last);
        awaitUntil("the history has every event", Duration.ofSeconds(30),
                () -> projection(ProcessingGroups.TICKET_HISTORY).get("lag").asLong() == 0);
        List<Map<String, Object>> before = historyRows();

        HttpResponse<String> accepted = post("operator", "/api/admin/projections/" + ProcessingGroups.TICKET_HISTORY
                + "/rebuild");
        assertThat(accepted.statusCode()).isEqualTo(202);

        awaitUntil("the rebuilt history equals the one incremental processing built", Duration.ofSeconds(30),
                () -> historyRows().equals(before));
        awaitUntil("the rebuild ends", Duration.ofSeconds(30),
                () -> !projection(ProcessingGroups.TICKET_HISTORY).get("replaying").asBoolean());
    }

    List<Map<String, Object>> historyRows() {
        return jdbc.sql("SELECT position, ticket_id, sequence, type, summary, details::TEXT FROM ticket_history"
                + " ORDER BY position, ticket_id").query().listOfRows(); // a duplicate's entry shares its position
    }
}
