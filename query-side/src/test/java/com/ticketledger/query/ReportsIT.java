package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysts' reports over a period of their own, as JSON and as CSV. */
class ReportsIT extends QuerySideIT {

    /** Each test writes into a week of 2025 of its own, which no other test touches. */
    static final Instant FROM = Instant.parse("2025-03-02T00:00:00Z");

    static Instant from(int week) {
        return FROM.plus(Duration.ofDays(7L * week));
    }

    static Instant to(int week) {
        return from(week + 1);
    }

    long threeCriticalTickets(int week) {
        Instant at = from(week).plus(Duration.ofHours(34));
        // Responded in 30 min and resolved in 4 h: both met.
        TicketOpened met = Tickets.opened("initech", TicketType.INCIDENT, Priority.CRITICAL);
        append(met, OPERATOR, at);
        append(new TicketAssigned(met.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, at.plus(Duration.ofMinutes(30)));
        append(new TicketPendingClosure(met.ticketId(), "fixed"), ANA, at.plus(Duration.ofHours(4)));
        // Responded after 3 h (breached), resolved in 6 h (met).
        TicketOpened late = Tickets.opened("initech", TicketType.INCIDENT, Priority.CRITICAL);
        append(late, OPERATOR, at);
        append(new TicketAssigned(late.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, at.plus(Duration.ofHours(3)));
        append(new TicketPendingClosure(late.ticketId(), "fixed"), ANA, at.plus(Duration.ofHours(6)));
        // Never answered: both breached by now.
        TicketOpened forgotten = Tickets.opened("umbrella", TicketType.INCIDENT, Priority.CRITICAL);
        return append(forgotten, OPERATOR, at);
    }

    @Test
    void slaReportCountsMetAndBreachedWithTimesToRespondAndResolve() {
        long last = threeCriticalTickets(0);
        JsonNode report = getAt("analyst", "/api/reports/sla?from=" + from(0) + "&to=" + to(0) + "&groupBy=priority", last)
                .json();

        assertThat(report.get("groups")).hasSize(1);
        JsonNode critical = report.get("groups").get(0);
        assertThat(critical.get("group").asText()).isEqualTo("CRITICAL");
        assertThat(critical.get("tickets").asLong()).isEqualTo(3);
        assertThat(critical.get("responseMet").asLong()).isEqualTo(1);
        assertThat(critical.get("responseBreached").asLong()).isEqualTo(2);
        assertThat(critical.get("resolutionMet").asLong()).isEqualTo(2);
        assertThat(critical.get("resolutionBreached").asLong()).isEqualTo(1);
        assertThat(critical.get("compliancePercent").asDouble()).isEqualTo(50.0);
        assertThat(critical.get("meanMinutesToRespond").asDouble()).isEqualTo(105.0);
        assertThat(critical.get("p90MinutesToRespond").asDouble()).isEqualTo(180.0);
        assertThat(critical.get("meanMinutesToResolve").asDouble()).isEqualTo(300.0);
    }

    @Test
    void slaReportGroupsByClient() {
        long last = threeCriticalTickets(1);
        JsonNode groups = getAt("analyst", "/api/reports/sla?from=" + from(1) + "&to=" + to(1) + "&groupBy=client", last)
                .json().get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("group").asText()).isEqualTo("initech");
        assertThat(groups.get(0).get("tickets").asLong()).isEqualTo(2);
        assertThat(groups.get(1).get("group").asText()).isEqualTo("umbrella");
    }

    @Test
    void reportsComeAsCsvOnRequest() throws Exception {
        long last = threeCriticalTickets(2);
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/reports/sla?groupBy=priority&from=" + from(2) + "&to=" + to(2)
                                + "&minPosition=" + last))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("analyst:analyst".getBytes()))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("group,tickets,responseMet,responseBreached");
        assertThat(lines[1]).startsWith("CRITICAL,");
    }

    @Test
    void backlogCountsOpenTicketsByLevelPriorityAndAge() {
        long last = threeCriticalTickets(3);
        JsonNode backlog = getAt("analyst", "/api/reports/backlog", last).json();
        assertThat(backlog.get("total").asLong()).isPositive();
        boolean found = false;
        for (JsonNode row : backlog.get("rows")) {
            if (row.get("level").asText().equals("L1") && row.get("priority").asText().equals("CRITICAL")
                    && row.get("ageBucket").asText().equals(">30d")) {
                found = row.get("tickets").asLong() >= 3;
            }
        }
        assertThat(found).as("the 2025 tickets are over 30 days old and still open").isTrue();
    }

    @Test
    void invalidPeriodIsABadRequestAndReportsAreForAnalystsAndAuditors() {
        assertThat(get("analyst", "/api/reports/sla?from=" + to(0) + "&to=" + from(0)).status()).isEqualTo(400);
        assertThat(get("analyst", "/api/reports/sla?groupBy=colour").status()).isEqualTo(400);
        assertThat(get("analyst", "/api/reports/sla?from=last-week").status()).isEqualTo(400);
        assertThat(get("operator", "/api/reports/backlog").status()).isEqualTo(403);
        assertThat(get("auditor", "/api/reports/sla").status()).isEqualTo(200);
        assertThat(get("auditor", "/api/reports/backlog").status()).isEqualTo(200);
    }
}
