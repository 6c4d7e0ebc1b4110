package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V20261203_11 (and V20261204_21, V20261205_11 after it) rebuilds the status and reports projections by removing
 * their tokens and emptying their tables: this runs its very SQL between a stop and a start of their processors, as a deployment's start does, over rows
 * that hold what the old code had stored (no vendor columns, deadlines of the old targets).
 */
class StatusRebuildMigrationIT extends QuerySideIT {

    static final String MIGRATION = "db/query/V20261203_11__rebuild_status_and_reports.sql";
    static final List<String> REBUILT = List.of(ProcessingGroups.TICKET_STATUS, ProcessingGroups.REPORTS);

    @Autowired
    EventProcessingConfiguration processing;

    List<Map<String, Object>> rows(String table) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY ticket_id").query().listOfRows();
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    @Test
    void processorsWithoutTokensReplayTheLedgerFromTheFirstEventAndRefillTheTablesTheMigrationEmptied()
            throws IOException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.HIGH);
        append(opened, OPERATOR, at);
        append(new TicketAssigned(opened.ticketId(), "carla", null, SupportLevel.L3), OPERATOR, at.plusSeconds(60));
        long last = append(new TicketEscalated(opened.ticketId(), opened.number(), "acme", opened.title(),
                Priority.HIGH, SupportLevel.L3, SupportLevel.VENDOR, "firmware", "TAC-9001", "carla"), OPERATOR,
                at.plusSeconds(120));
        getAt("operator", "/api/tickets/" + opened.ticketId(), last);
        getAt("analyst", "/api/reports/backlog", last);
        List<Map<String, Object>> status = rows("ticket_status");
        List<Map<String, Object>> reports = rows("report_ticket");

        REBUILT.forEach(name -> processor(name).shutDown());
        try {
            // What the rows held before: written without the vendor columns, with other deadlines.
            jdbc.sql("""
                    UPDATE ticket_status SET vendor_case_ref = NULL, vendor_escalated_at = NULL,
                        resolution_due_at = resolution_due_at + INTERVAL '15 hours'""").update();
            jdbc.sql("UPDATE report_ticket SET vendor_case_ref = NULL, vendor_escalated_at = NULL").update();

            jdbc.sql(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8)).update();

            assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name IN (:names)")
                    .param("names", REBUILT).query(Long.class).single()).isZero();
            assertThat(rows("ticket_status")).isEmpty();
            assertThat(rows("report_ticket")).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = :name")
                    .param("name", ProcessingGroups.TICKET_HISTORY).query(Long.class).single())
                    .as("the history is not rebuilt").isPositive();
        } finally {
            REBUILT.forEach(name -> processor(name).start());
        }

        awaitUntil("the status rows are rebuilt", Duration.ofSeconds(60), () -> rows("ticket_status").equals(status));
        awaitUntil("the report rows are rebuilt", Duration.ofSeconds(60), () -> rows("report_ticket").equals(reports));
        assertThat(getAt("operator", "/api/tickets/" + opened.ticketId(), last).json().get("vendorCaseRef").asText())
                .isEqualTo("TAC-9001");
    }

    /**
     * V20261204_21 does the same for the update clock's columns (V20261204_20): rows stored before them have no
     * update clock, and the replay fills it in from the notes.
     */
    @Test
    void theUpdateClocksRebuildFillsItsColumnsFromTheLedger() throws IOException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, at);
        append(new NoteAdded(opened.ticketId(), "on it", Visibility.PUBLIC), ANA, at.plus(Duration.ofMinutes(30)));
        long last = append(new NoteAdded(opened.ticketId(), "still on it", Visibility.PUBLIC), ANA,
                at.plus(Duration.ofMinutes(100)));
        getAt("operator", "/api/tickets/" + opened.ticketId(), last);
        getAt("analyst", "/api/reports/backlog", last);
        List<Map<String, Object>> status = rows("ticket_status");
        List<Map<String, Object>> reports = rows("report_ticket");

        REBUILT.forEach(name -> processor(name).shutDown());
        try {
            // What V20261204_20 leaves in rows stored before it: no update clock.
            for (String table : new String[] {"ticket_status", "report_ticket"}) {
                jdbc.sql("UPDATE " + table + " SET update_since = NULL, update_at_risk_at = NULL,"
                        + " update_due_at = NULL, update_late_windows = 0, update_windows = ''").update();
            }
            jdbc.sql(new ClassPathResource("db/query/V20261204_21__rebuild_status_and_reports_for_the_update_clock.sql")
                    .getContentAsString(StandardCharsets.UTF_8)).update();
            assertThat(rows("ticket_status")).isEmpty();
            assertThat(rows("report_ticket")).isEmpty();
        } finally {
            REBUILT.forEach(name -> processor(name).start());
        }

        awaitUntil("the status rows are rebuilt", Duration.ofSeconds(60), () -> rows("ticket_status").equals(status));
        awaitUntil("the report rows are rebuilt", Duration.ofSeconds(60), () -> rows("report_ticket").equals(reports));
        JsonNode sla = getAt("operator", "/api/tickets/" + opened.ticketId(), last).json().get("sla");
        assertThat(sla.get("lateUpdates").asInt()).as("70 minutes between the two notes").isEqualTo(1);
        assertThat(Instant.parse(sla.get("lastUpdateAt").asText())).isEqualTo(at.plus(Duration.ofMinutes(100)));
    }

    /**
     * V20261205_11 does the same for each ticket's SLA policy (V20261205_10's columns): rows stored before them read
     * as version 1 of {@code standard}, with that version's deadlines; the replay gives each its own version's.
     */
    @Test
    void thePolicyRebuildGivesEachRowItsOwnPolicyVersion() throws IOException {
        String policy = Policies.unique("migrated");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        appendPolicy(new SlaPolicyDefined(policy, 1, Policies.terms("8h", "5d", "2d", "5d", Policies.holidaysAhead()),
                null), at);
        appendPolicy(new SlaPolicyDefined(policy, 2, Policies.terms("1h", "1d", "4h", "5d", Policies.holidaysAhead()),
                null), at);
        TicketOpened opened = Tickets.opened("acme", Priority.MEDIUM, policy, 2);
        long last = append(opened, OPERATOR, at);
        getAt("operator", "/api/tickets/" + opened.ticketId(), last);
        getAt("analyst", "/api/reports/backlog", last);
        List<Map<String, Object>> status = rows("ticket_status");
        List<Map<String, Object>> reports = rows("report_ticket");

        REBUILT.forEach(name -> processor(name).shutDown());
        try {
            // What V20261205_10 leaves in rows stored before it: the column defaults, and standard's deadlines.
            for (String table : new String[] {"ticket_status", "report_ticket"}) {
                jdbc.sql("UPDATE " + table + " SET sla_policy = 'standard', sla_policy_version = 1,"
                        + " response_due_at = response_due_at + INTERVAL '3 hours'").update();
            }
            jdbc.sql(new ClassPathResource("db/query/V20261205_11__rebuild_status_and_reports_for_their_policy.sql")
                    .getContentAsString(StandardCharsets.UTF_8)).update();
            assertThat(rows("ticket_status")).isEmpty();
            assertThat(rows("report_ticket")).isEmpty();
        } finally {
            REBUILT.forEach(name -> processor(name).start());
        }

        awaitUntil("the status rows are rebuilt", Duration.ofSeconds(60), () -> rows("ticket_status").equals(status));
        awaitUntil("the report rows are rebuilt", Duration.ofSeconds(60), () -> rows("report_ticket").equals(reports));
        JsonNode sla = getAt("operator", "/api/tickets/" + opened.ticketId(), last).json().get("sla");
        assertThat(sla.at("/policy/name").asText()).isEqualTo(policy);
        assertThat(sla.at("/policy/version").asInt()).isEqualTo(2);
    }
}
