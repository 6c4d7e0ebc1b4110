package com.ticketledger.command.api;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.ticketledger.web.monitoring.CapturedLogs.captured;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operator sees of the command side: a real Prometheus scrape of the management port counting each
 * command by outcome and status beside Axon's command bus timers, and the correlation id of a command in
 * the log lines written while it is handled, the same id its event carries.
 */
class MonitoringIT extends CommandSideIT {

    static final String COMMANDS = "ledger_commands_total";

    String scrape() {
        Answer answer = management("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The value of the sample of {@code name} with exactly these labels (in Prometheus' order), 0 if absent. */
    static double sample(String scrape, String name, String labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{" + labels + "}"))
                .findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElse(0.0);
    }

    static String labels(String command, String outcome, int status) {
        return "command=\"%s\",outcome=\"%s\",status=\"%d\"".formatted(command, outcome, status);
    }

    @Test
    void aScrapeCountsCommandsByOutcomeAndShowsTheCommandBusTimers() {
        String before = scrape();
        UUID ticket = assignedTicket();
        post("ana", "/api/tickets/" + ticket + "/escalation", "{\"toLevel\":\"L3\",\"reason\":\"skip\"}");
        post("operator", "/api/tickets", "{\"clientId\":\"acme\"}");
        post("ana", "/api/tickets/" + ticket + "/acceptance", null);
        String after = scrape();

        assertThat(sample(after, COMMANDS, labels("OpenTicket", "accepted", 201))
                - sample(before, COMMANDS, labels("OpenTicket", "accepted", 201))).isEqualTo(1);
        assertThat(sample(after, COMMANDS, labels("AssignTicket", "accepted", 200))
                - sample(before, COMMANDS, labels("AssignTicket", "accepted", 200))).isEqualTo(1);
        assertThat(sample(after, COMMANDS, labels("EscalateTicket", "refused", 409))
                - sample(before, COMMANDS, labels("EscalateTicket", "refused", 409))).isEqualTo(1);
        assertThat(sample(after, COMMANDS, labels("OpenTicket", "refused", 400))
                - sample(before, COMMANDS, labels("OpenTicket", "refused", 400))).isEqualTo(1);
        assertThat(sample(after, COMMANDS, labels("AcceptClosure", "refused", 403))
                - sample(before, COMMANDS, labels("AcceptClosure", "refused", 403))).isEqualTo(1);
        assertThat(after).containsPattern("commandBus_allTimer_seconds_count\\{[^}]*payloadType=\"OpenTicket\"");
        assertThat(after).as("no per-message meters of the event store or the queue index: the command bus times them")
                .doesNotContainPattern("(?m)^eventStore_").doesNotContain("processorName=\"queue-index\"");
        assertThat(after).as("no capacity gauge of the command bus: it keeps every command for ten minutes")
                .doesNotContain("commandBus_capacity");
    }

    @Test
    void theLinesWrittenForACommandCarryItsCorrelationIdAsItsEventDoes() {
        String given = "call-" + UUID.randomUUID();
        List<ILoggingEvent> lines = captured(CommandOutcomes.class.getName(), () -> {
            Answer opened = post("operator", "/api/tickets", openBody("acme"), "X-Correlation-Id", given);
            assertThat(metaData(opened.ticketId(), 0).get("correlationId").asText()).isEqualTo(given);
            return null;
        });
        assertThat(lines).extracting(ILoggingEvent::getFormattedMessage).containsExactly("OpenTicket accepted with 201");
        assertThat(lines.get(0).getMDCPropertyMap()).containsEntry("correlationId", given);
        assertThat(ecs(lines.get(0))).contains("\"correlationId\":\"" + given + "\"")
                .contains("\"message\":\"OpenTicket accepted with 201\"");

        List<String> made = new ArrayList<>();
        lines = captured(CommandOutcomes.class.getName(), () -> {
            Answer opened = post("operator", "/api/tickets", openBody("acme"));
            made.add(opened.header("X-Correlation-Id").orElseThrow());
            assertThat(metaData(opened.ticketId(), 0).get("correlationId").asText()).isEqualTo(made.get(0));
            return null;
        });
        assertThat(lines).singleElement()
                .satisfies(line -> assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", made.get(0)));
    }

    /** The line as LEDGER_LOG_FORMAT=ecs writes it. */
    static String ecs(ILoggingEvent line) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setFormat("ecs");
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.start();
        return new String(encoder.encode(line), StandardCharsets.UTF_8);
    }
}
