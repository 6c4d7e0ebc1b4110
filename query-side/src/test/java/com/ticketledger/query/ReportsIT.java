package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
        // CRITICAL runs on the 24x7 calendar: its business minutes are wall-clock minutes.
        assertThat(critical.get("meanBusinessMinutesToRespond").asDouble()).isEqualTo(105.0);
        assertThat(critical.get("p90BusinessMinutesToRespond").asDouble()).isEqualTo(180.0);
        assertThat(critical.get("meanBusinessMinutesToResolve").asDouble()).isEqualTo(300.0);
    }

    /** A wall-clock instant in Buenos Aires, the default business-hours calendar's zone (2025 has no holidays in it). */
    static Instant buenosAires(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of("America/Argentina/Buenos_Aires")).toInstant();
    }

    @Test
    void aHighTicketOpenedFridayAt17AndRespondedMondayAt10TookTwoBusinessHoursNotSixtyFive() {
        // Week 10 is 2025-05-11 to 2025-05-18; Friday the 16th at 17:00 to Monday the 19th at 10:00 is 65 h on the
        // wall, one business hour on Friday and one on Monday.
        TicketOpened opened = Tickets.opened("soylent", TicketType.INCIDENT, Priority.HIGH);
        append(opened, OPERATOR, buenosAires("2025-05-16T17:00"));
        long last = append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                buenosAires("2025-05-19T10:00"));

        JsonNode high = getAt("analyst", "/api/reports/sla?from=" + from(10) + "&to=" + to(10), last).json()
                .get("groups").get(0);
        assertThat(high.get("group").asText()).isEqualTo("HIGH");
        assertThat(high.get("tickets").asLong()).isEqualTo(1);
        assertThat(high.get("meanBusinessMinutesToRespond").asDouble()).isEqualTo(120.0);
        assertThat(high.get("p90BusinessMinutesToRespond").asDouble()).isEqualTo(120.0);
        assertThat(high.get("responseMet").asLong()).as("4 business hours allowed").isEqualTo(1);
        assertThat(high.get("meanBusinessMinutesToResolve").isNull()).as("not resolved yet").isTrue();
    }

    @Test
    void aTicketReopenedAfterThreeDaysPendingClosureReportsOnlyItsOpenBusinessTimeToResolve() {
        // Week 12 is 2025-05-25 to 2025-06-01. Two business hours to the first resolution, three days waiting on the
        // client, one more business hour after the reopening: three hours, as the resolution clock counted them.
        TicketOpened opened = Tickets.opened("soylent", TicketType.INCIDENT, Priority.HIGH);
        append(opened, OPERATOR, buenosAires("2025-05-26T09:00"));
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                buenosAires("2025-05-26T09:30"));
        append(new TicketPendingClosure(opened.ticketId(), "restarted the gateway"), ANA, buenosAires("2025-05-26T11:00"));
        append(new TicketReopened(opened.ticketId(), "down again", TicketStatus.PENDING_CLOSURE, "ana"), ACME_CLIENT,
                buenosAires("2025-05-29T11:00"));
        long last = append(new TicketPendingClosure(opened.ticketId(), "replaced the gateway"), ANA,
                buenosAires("2025-05-29T12:00"));

        JsonNode high = getAt("analyst", "/api/reports/sla?from=" + from(12) + "&to=" + to(12), last).json()
                .get("groups").get(0);
        assertThat(high.get("tickets").asLong()).isEqualTo(1);
        assertThat(high.get("meanBusinessMinutesToResolve").asDouble()).isEqualTo(180.0);
        assertThat(high.get("p90BusinessMinutesToResolve").asDouble()).isEqualTo(180.0);
        assertThat(high.get("meanBusinessMinutesToRespond").asDouble()).isEqualTo(30.0);
        assertThat(high.get("resolutionMet").asLong()).as("3 of the business day's 9 hours").isEqualTo(1);
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
        assertThat(lines[0]).isEqualTo("group,tickets,responseMet,responseBreached,resolutionMet,resolutionBreached,"
                + "compliancePercent,meanBusinessMinutesToRespond,p90BusinessMinutesToRespond,"
                + "meanBusinessMinutesToResolve,p90BusinessMinutesToResolve,cancelled,updateMet,updateBreached,"
                + "meanBusinessMinutesBetweenUpdates,p90BusinessMinutesBetweenUpdates,clientName,slaPolicy");
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
