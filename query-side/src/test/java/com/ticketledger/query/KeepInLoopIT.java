package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.ticketledger.query.ReclassificationAndCancellationIT.instant;
import static com.ticketledger.query.ReclassificationAndCancellationIT.numbers;
import static com.ticketledger.query.ReclassificationAndCancellationIT.reclassified;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update (keep-in-loop) target through HTTP: the status view's {@code sla.update*} fields, the SLA list, the
 * audit's state as of an instant, and the report. CRITICAL runs on the 24x7 calendar and owes news every hour.
 */
class KeepInLoopIT extends QuerySideIT {

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    JsonNode sla(String user, TicketOpened ticket, long position) {
        return getAt(user, "/api/tickets/" + ticket.ticketId(), position).json().get("sla");
    }

    NoteAdded note(TicketOpened ticket, Visibility visibility) {
        return new NoteAdded(ticket.ticketId(), "still on it", visibility);
    }

    @Test
    void onlyAPublicNoteByTheDeskRestartsTheUpdateClock() {
        Instant opening = now.minus(Duration.ofMinutes(50));
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(ticket, OPERATOR, opening);
        append(note(ticket, Visibility.PUBLIC), ACME_CLIENT, now.minus(Duration.ofMinutes(40)));
        long internal = append(note(ticket, Visibility.INTERNAL), ANA, now.minus(Duration.ofMinutes(30)));

        JsonNode waiting = sla("operator", ticket, internal);
        assertThat(instant(waiting.get("lastUpdateAt"))).as("neither the client's note nor an internal one")
                .isEqualTo(opening);
        assertThat(instant(waiting.get("updateDueAt"))).isEqualTo(opening.plus(Duration.ofHours(1)));
        assertThat(waiting.get("updateState").asText()).as("50 of 60 minutes").isEqualTo("AT_RISK");
        assertThat(waiting.get("lateUpdates").asInt()).isZero();

        long given = append(note(ticket, Visibility.PUBLIC), OPERATOR, now.minus(Duration.ofMinutes(5)));
        JsonNode updated = sla("acme-1", ticket, given);
        assertThat(instant(updated.get("lastUpdateAt"))).isEqualTo(now.minus(Duration.ofMinutes(5)));
        assertThat(instant(updated.get("updateDueAt"))).isEqualTo(now.plus(Duration.ofMinutes(55)));
        assertThat(updated.get("updateState").asText()).isEqualTo("RUNNING");
        assertThat(updated.get("lateUpdates").asInt()).isZero();
    }

    @Test
    void aLateWindowIsCountedAndTheSlaListShowsATicketWhileItsClientWaitsTooLong() {
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(ticket, OPERATOR, now.minus(Duration.ofHours(3)));
        long first = append(note(ticket, Visibility.PUBLIC), ANA, now.minus(Duration.ofMinutes(150)));

        JsonNode late = sla("operator", ticket, first);
        assertThat(late.get("responseState").asText()).as("answered in 30 minutes").isEqualTo("MET");
        assertThat(late.get("resolutionState").asText()).isEqualTo("RUNNING");
        assertThat(late.get("updateState").asText()).as("no news for 2 h 30 min").isEqualTo("BREACHED");
        assertThat(numbers(getAt("operator", "/api/sla/breaches?state=BREACHED&limit=200", first).json()))
                .as("listed for its update alone").contains(ticket.number());

        long second = append(note(ticket, Visibility.PUBLIC), ANA, now.minus(Duration.ofMinutes(10)));
        JsonNode caughtUp = sla("operator", ticket, second);
        assertThat(caughtUp.get("updateState").asText()).as("the current window is on time").isEqualTo("RUNNING");
        assertThat(caughtUp.get("lateUpdates").asInt()).isEqualTo(1);
        assertThat(numbers(getAt("operator", "/api/sla/breaches?state=BREACHED&limit=200", second).json()))
                .doesNotContain(ticket.number());
    }

    @Test
    void aTicketWhoseOnlyTargetAtRiskIsItsUpdateIsListedAtRisk() {
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(ticket, OPERATOR, now.minus(Duration.ofMinutes(55)));
        long assigned = append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                now.minus(Duration.ofMinutes(54)));

        JsonNode atRisk = getAt("operator", "/api/sla/breaches?state=AT_RISK&limit=200", assigned).json();
        JsonNode listed = null;
        for (JsonNode view : atRisk) {
            if (view.get("number").asText().equals(ticket.number())) {
                listed = view.get("sla");
            }
        }
        assertThat(listed).as("an assignment is the response, not news for the client").isNotNull();
        assertThat(listed.get("responseState").asText()).isEqualTo("MET");
        assertThat(listed.get("resolutionState").asText()).isEqualTo("RUNNING");
        assertThat(listed.get("updateState").asText()).isEqualTo("AT_RISK");
    }

    @Test
    void pendingClosurePausesTheUpdateClockAndAReopeningStartsAFreshWindow() {
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(ticket, OPERATOR, now.minus(Duration.ofHours(5)));
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                now.minus(Duration.ofHours(5)).plusSeconds(60));
        append(note(ticket, Visibility.PUBLIC), ANA, now.minus(Duration.ofMinutes(270)));
        long pending = append(new TicketPendingClosure(ticket.ticketId(), "restarted"), ANA,
                now.minus(Duration.ofHours(4)));

        JsonNode paused = sla("operator", ticket, pending);
        assertThat(paused.get("updateState").asText()).as("four hours waiting for the client breach nothing")
                .isEqualTo("PAUSED");
        assertThat(paused.get("lateUpdates").asInt()).isZero();
        assertThat(numbers(getAt("operator", "/api/sla/breaches?state=BREACHED&limit=200", pending).json()))
                .doesNotContain(ticket.number());

        Instant reopening = now.minus(Duration.ofMinutes(20));
        long reopened = append(new TicketReopened(ticket.ticketId(), "down again", TicketStatus.PENDING_CLOSURE, "ana"),
                ACME_CLIENT, reopening);
        JsonNode running = sla("operator", ticket, reopened);
        assertThat(instant(running.get("lastUpdateAt"))).isEqualTo(reopening);
        assertThat(instant(running.get("updateDueAt"))).isEqualTo(reopening.plus(Duration.ofHours(1)));
        assertThat(running.get("updateState").asText()).isEqualTo("RUNNING");

        append(new TicketPendingClosure(ticket.ticketId(), "replaced it"), ANA, now.minus(Duration.ofMinutes(10)));
        long closed = append(new ClosureAccepted(ticket.ticketId(), null), ACME_CLIENT, now.minus(Duration.ofMinutes(5)));
        JsonNode met = sla("operator", ticket, closed);
        assertThat(met.get("updateState").asText()).as("every window on time").isEqualTo("MET");
        assertThat(met.get("lateUpdates").asInt()).isZero();

        String state = "/api/audit/tickets/" + ticket.ticketId() + "/state?asOf=";
        JsonNode asOfPause = get("auditor", state + now.minus(Duration.ofHours(1))).json().get("sla");
        assertThat(asOfPause.get("updateState").asText()).isEqualTo("PAUSED");
        JsonNode asOfStart = get("auditor", state + now.minus(Duration.ofMinutes(280))).json().get("sla");
        assertThat(instant(asOfStart.get("lastUpdateAt"))).as("before the first note, the window from the opening")
                .isEqualTo(now.minus(Duration.ofHours(5)));
        assertThat(asOfStart.get("updateState").asText()).isEqualTo("RUNNING");
    }

    @Test
    void reclassificationJudgesTheUpdatesAgainWithTheNewTarget() {
        Instant opening = now.minus(Duration.ofHours(3));
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.LOW);
        append(ticket, OPERATOR, opening);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, opening.plusSeconds(60));
        long noted = append(note(ticket, Visibility.PUBLIC), ANA, now.minus(Duration.ofMinutes(90)));
        assertThat(sla("ana", ticket, noted).get("lateUpdates").asInt()).as("LOW owes news every 3 business days")
                .isZero();

        long position = append(reclassified(ticket, TicketStatus.ASSIGNED, Priority.CRITICAL, TicketType.INCIDENT,
                null), ANA, now.minus(Duration.ofHours(1)));
        JsonNode critical = sla("ana", ticket, position);
        assertThat(critical.get("lateUpdates").asInt()).as("90 minutes without news is late for CRITICAL")
                .isEqualTo(1);
        assertThat(instant(critical.get("updateDueAt"))).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(critical.get("updateState").asText()).isEqualTo("BREACHED");
    }

    @Test
    void theReportCountsTicketsThatMissedAnUpdateAndTheBusinessMinutesBetweenUpdates() {
        // A week of 2025 no other test writes in.
        Instant from = Instant.parse("2025-09-07T00:00:00Z");
        Instant at = from.plus(Duration.ofHours(34));
        // Windows of 30, 50 and 20 minutes: all on time.
        TicketOpened kept = Tickets.opened("initech", TicketType.INCIDENT, Priority.CRITICAL);
        append(kept, OPERATOR, at);
        append(note(kept, Visibility.PUBLIC), ANA, at.plus(Duration.ofMinutes(30)));
        append(note(kept, Visibility.PUBLIC), ANA, at.plus(Duration.ofMinutes(80)));
        append(new TicketPendingClosure(kept.ticketId(), "fixed"), ANA, at.plus(Duration.ofMinutes(100)));
        // Windows of 120 (late) and 30 minutes.
        TicketOpened late = Tickets.opened("initech", TicketType.INCIDENT, Priority.CRITICAL);
        append(late, OPERATOR, at);
        append(note(late, Visibility.PUBLIC), OPERATOR, at.plus(Duration.ofMinutes(120)));
        append(new TicketPendingClosure(late.ticketId(), "fixed"), ANA, at.plus(Duration.ofMinutes(150)));
        // Never a word: its first window is running, long past due.
        long last = append(Tickets.opened("umbrella", TicketType.INCIDENT, Priority.CRITICAL), OPERATOR, at);

        String period = "from=" + from + "&to=" + from.plus(Duration.ofDays(7));
        JsonNode critical = getAt("analyst", "/api/reports/sla?" + period, last).json().get("groups").get(0);
        assertThat(critical.get("tickets").asLong()).isEqualTo(3);
        assertThat(critical.get("updateMet").asLong()).isEqualTo(1);
        assertThat(critical.get("updateBreached").asLong()).isEqualTo(2);
        assertThat(critical.get("meanBusinessMinutesBetweenUpdates").asDouble()).as("(30+50+20+120+30)/5")
                .isEqualTo(50.0);
        assertThat(critical.get("p90BusinessMinutesBetweenUpdates").asDouble()).isEqualTo(120.0);

        String csv = get("analyst", "/api/reports/sla?" + period + "&minPosition=" + last, "Accept", "text/csv")
                .response().body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).contains(",cancelled,updateMet,updateBreached,meanBusinessMinutesBetweenUpdates,"
                + "p90BusinessMinutesBetweenUpdates");
        assertThat(lines[1]).startsWith("CRITICAL,3,").contains(",0,1,2,50.0,120.0");
    }
}
