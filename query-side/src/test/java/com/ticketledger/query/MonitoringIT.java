package com.ticketledger.query;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketType;
import com.ticketledger.sla.SlaState;
import com.ticketledger.query.status.StatusReads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.ticketledger.web.monitoring.CapturedLogs.captured;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operator sees of the query side: a real Prometheus scrape of the management port with Axon's
 * processor meters and the desk's own; readiness DOWN naming a processor that a failing write put in error;
 * the correlation id in the log lines of a projection handling the event and of a read that names one.
 */
class MonitoringIT extends QuerySideIT {

    @Autowired
    StatusReads statusReads;

    /** The value of the first sample of {@code name} whose labels contain {@code labels}, if scraped. */
    static Optional<Double> sample(String scrape, String name, String labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }

    /**
     * The sum of every series of {@code name} with {@code labels}: Axon's counters have a series per payload type, and
     * one of an event the processor has no handler for (an SLA policy's, a client's) counts nothing processed.
     */
    static double total(String scrape, String name, String labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    String scrape() {
        Answer answer = management("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.response().body();
    }

    @Test
    void aScrapeShowsEachProcessorsMetersAndTheDesksOwnWithTheirValues() {
        Instant now = Instant.now();
        TicketOpened atRisk = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(atRisk, ACME_CLIENT, now.minus(Duration.ofMinutes(100)));
        TicketOpened breached = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(breached, ACME_CLIENT, now.minus(Duration.ofHours(10)));
        TicketOpened atL2 = Tickets.opened("acme");
        append(atL2, ACME_CLIENT, now.minus(Duration.ofMinutes(5)));
        append(new TicketAssigned(atL2.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now.minus(Duration.ofMinutes(4)));
        long last = append(new TicketEscalated(atL2.ticketId(), atL2.number(), "acme", atL2.title(),
                atL2.priority(), SupportLevel.L1, SupportLevel.L2, "routing", null, null), ANA, now.minus(Duration.ofMinutes(3)));
        getAt("operator", "/api/tickets/" + atL2.ticketId(), last);

        awaitUntil("the gauges read what the status table says", Duration.ofSeconds(10), () -> {
            String scrape = scrape();
            return sample(scrape, "ledger_tickets_open", "level=\"L2\"").orElse(-1.0) == countAt(SupportLevel.L2)
                    && sample(scrape, "ledger_sla_tickets", "state=\"AT_RISK\"").orElse(-1.0) == listed(SlaState.AT_RISK)
                    && sample(scrape, "ledger_sla_tickets", "state=\"BREACHED\"").orElse(-1.0) == listed(SlaState.BREACHED);
        });
        String scrape = scrape();
        assertThat(sample(scrape, "ledger_tickets_open", "level=\"L2\"")).get().matches(value -> value >= 1);
        assertThat(sample(scrape, "ledger_sla_tickets", "state=\"AT_RISK\"")).get().matches(value -> value >= 1);
        assertThat(sample(scrape, "ledger_sla_tickets", "state=\"BREACHED\"")).get().matches(value -> value >= 1);

        for (String projection : ProjectionRecoveryIT.GROUPS) {
            String tag = "projection=\"" + projection + "\"";
            assertThat(sample(scrape, "ledger_projection_lag", tag)).as(projection).get().matches(lag -> lag >= 0);
            assertThat(sample(scrape, "ledger_projection_progress", tag)).as(projection).get()
                    .matches(progress -> progress > 0 && progress <= 1);
            String processor = "processorName=\"" + projection + "\"";
            assertThat(sample(scrape, "eventProcessor_latency", processor)).as(projection).isPresent();
            assertThat(sample(scrape, "eventProcessor_capacity", processor)).as(projection).isPresent();
            assertThat(total(scrape, "eventProcessor_processedCounter_total", processor)).as(projection)
                    .isGreaterThanOrEqualTo(1);
        }
        for (String projection : List.of("ticket-status", "ticket-history", "reports", "notifications")) {
            String tag = "projection=\"" + projection + "\"";
            double delays = total(scrape, "ledger_projection_delay_seconds_count", tag);
            assertThat(delays).as(projection + ": each event handled live has its delay").isGreaterThanOrEqualTo(1);
            assertThat(sample(scrape, "ledger_projection_delay_seconds_bucket", tag + ",le=\"+Inf\""))
                    .as(projection).contains(delays);
            double batches = total(scrape, "ledger_projection_batch_events_count", tag);
            assertThat(batches).as(projection).isGreaterThanOrEqualTo(1);
            assertThat(total(scrape, "ledger_projection_batch_events_sum", tag)).as(projection + ": events in batches")
                    .isGreaterThanOrEqualTo(batches);
            for (String phase : List.of("handle", "write", "commit")) {
                assertThat(total(scrape, "ledger_projection_batch_seconds_count", "phase=\"" + phase + "\"," + tag))
                        .as(projection + " " + phase).isEqualTo(batches);
            }
            assertThat(total(scrape, "ledger_projection_batch_seconds_count", "phase=\"wait\"," + tag))
                    .as(projection + ": the wait of each batch with events handled live").isGreaterThanOrEqualTo(1);
        }
        assertThat(scrape).as("no per-event-type timer of each processor: capacity and lag say it")
                .doesNotContain("eventProcessor_allTimer");
    }

    long countAt(SupportLevel level) {
        return jdbc.sql("SELECT count(*) FROM ticket_status WHERE status <> 'CLOSED' AND level = :level")
                .param("level", level.name()).query(Long.class).single();
    }

    long listed(SlaState state) {
        return statusReads.inState(state, Integer.MAX_VALUE).size();
    }

    /**
     * A processor whose token the database refuses to store goes into error (its coordinator retries with
     * back-off): readiness goes DOWN, the main port's /readyz too, and the management port's health names the
     * processor; once the database takes its writes again, it recovers and nothing was skipped.
     */
    @Test
    void aProcessorInErrorTakesReadinessDownAndIsNamed() {
        jdbc.sql("""
                CREATE FUNCTION refuse_history_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'token refused for the test';
                END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_history_tokens BEFORE UPDATE ON token_entry FOR EACH ROW "
                + "WHEN (NEW.processor_name = 'ticket-history') EXECUTE FUNCTION refuse_history_tokens()").update();
        TicketOpened opened = Tickets.opened("acme");
        try {
            append(opened, ACME_CLIENT, Instant.now());
            awaitUntil("readiness is DOWN", Duration.ofSeconds(30), () -> get(null, "/readyz").status() == 503);
            assertThat(management("/actuator/health/readiness").status()).isEqualTo(503);
            Answer health = management("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
            assertThat(health.json().at("/components/eventProcessors/details/ticket-history").asText())
                    .startsWith("in error");
            assertThat(health.json().at("/components/eventProcessors/details/ticket-status").asText())
                    .isEqualTo("running");
            assertThat(get(null, "/livez").status()).isEqualTo(200);
        } finally {
            jdbc.sql("DROP TRIGGER refuse_history_tokens ON token_entry").update();
            jdbc.sql("DROP FUNCTION refuse_history_tokens()").update();
        }
        awaitUntil("readiness is UP again", Duration.ofSeconds(90), () -> get(null, "/readyz").status() == 200);
        awaitUntil("the event is in the history", Duration.ofSeconds(30), () -> jdbc.sql(
                "SELECT count(*) FROM ticket_history WHERE ticket_id = :t").param("t", opened.ticketId())
                .query(Long.class).single() == 1);
    }

    @Test
    void aProjectionLogsWithTheCorrelationIdOfTheCommandThatCausedTheEvent() {
        String correlationId = "cmd-" + UUID.randomUUID();
        TicketOpened opened = Tickets.opened("acme");
        List<ILoggingEvent> lines = captured("com.ticketledger.query.processing.EventCorrelation", () -> {
            long position = append(opened, ACME_CLIENT, Instant.now(), correlationId);
            // each projection reads the ledger on its own: both are waited for, the status view and the history
            getAt("operator", "/api/tickets/" + opened.ticketId(), position);
            getAt("operator", "/api/tickets/" + opened.ticketId() + "/history", position);
            return null;
        });
        assertThat(lines).filteredOn(line -> correlationId.equals(line.getMDCPropertyMap().get("correlationId")))
                .extracting(ILoggingEvent::getFormattedMessage)
                .contains("ticket-status handles TicketOpened of ticket " + opened.ticketId(),
                        "ticket-history handles TicketOpened of ticket " + opened.ticketId());
    }

    @Test
    void aReadLogsWithTheCorrelationIdItNames() {
        List<ILoggingEvent> lines = captured("org.springframework.security.web.FilterChainProxy", () -> {
            get("operator", "/api/tickets?limit=1", "X-Correlation-Id", "read-4711");
            get("operator", "/api/queues/L1?limit=1", "X-Request-Id", "req-4712");
            get("operator", "/api/queues/L2?limit=1");
            return null;
        });
        assertThat(lines).filteredOn(line -> line.getFormattedMessage().contains("/api/tickets"))
                .isNotEmpty()
                .allMatch(line -> "read-4711".equals(line.getMDCPropertyMap().get("correlationId")));
        assertThat(lines).filteredOn(line -> line.getFormattedMessage().contains("/api/queues/L1"))
                .isNotEmpty()
                .allMatch(line -> "req-4712".equals(line.getMDCPropertyMap().get("correlationId")));
        assertThat(lines).filteredOn(line -> line.getFormattedMessage().contains("/api/queues/L2"))
                .isNotEmpty()
                .allMatch(line -> !line.getMDCPropertyMap().containsKey("correlationId"));
    }
}
