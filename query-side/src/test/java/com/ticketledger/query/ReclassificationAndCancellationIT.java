package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.CancellationReason;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reclassified ticket takes its new priority's SLA targets from the opening and its new place in the queues;
 * a cancelled one leaves every queue and SLA list, and its unmet targets read CANCELLED. CRITICAL counts on the
 * 24x7 calendar (2 h to respond, 8 h to resolve), so its deadlines are plain clock arithmetic.
 */
class ReclassificationAndCancellationIT extends QuerySideIT {

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static TicketReclassified reclassified(TicketOpened opened, TicketStatus status, Priority to, TicketType toType,
            String toCategory) {
        return new TicketReclassified(opened.ticketId(), opened.number(), opened.clientId(), status,
                opened.priority(), to, opened.type(), toType, opened.category(), toCategory, "the whole floor is down");
    }

    static TicketCancelled cancelled(TicketOpened opened, CancellationReason reason, TicketOpened original,
            TicketStatus from, String engineer) {
        return new TicketCancelled(opened.ticketId(), opened.number(), opened.clientId(), reason,
                original == null ? null : original.ticketId(), original == null ? null : original.number(),
                "same outage", from, engineer);
    }

    JsonNode view(String user, TicketOpened ticket, long position) {
        return getAt(user, "/api/tickets/" + ticket.ticketId(), position).json();
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    @Test
    void reclassifiedTicketHasTheNewPrioritysTargetsMeasuredFromTheOpening() {
        Instant opening = now.minus(Duration.ofHours(1));
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.LOW);
        append(ticket, OPERATOR, opening);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                opening.plus(Duration.ofMinutes(10)));
        long position = append(reclassified(ticket, TicketStatus.ASSIGNED, Priority.CRITICAL, TicketType.REQUEST,
                "network"), ANA, now.minus(Duration.ofMinutes(30)));

        JsonNode view = view("ana", ticket, position);
        assertThat(view.get("priority").asText()).isEqualTo("CRITICAL");
        assertThat(view.get("type").asText()).isEqualTo("REQUEST");
        assertThat(view.get("category").asText()).isEqualTo("network");
        assertThat(view.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.get("version").asLong()).isEqualTo(2);
        JsonNode sla = view.get("sla");
        assertThat(instant(sla.get("responseDueAt"))).isEqualTo(opening.plus(Duration.ofHours(2)));
        assertThat(instant(sla.get("resolutionDueAt"))).isEqualTo(opening.plus(Duration.ofHours(8)));
        assertThat(sla.get("responseState").asText()).isEqualTo("MET");
        assertThat(sla.get("resolutionState").asText()).isEqualTo("RUNNING");
        // The queues' order follows at once: a request now, of rank CRITICAL.
        assertThat(jdbc.sql("SELECT type_rank, priority_rank FROM ticket_status WHERE ticket_id = :id")
                .param("id", ticket.ticketId()).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single())
                .containsExactly(1, Priority.CRITICAL.ordinal());
    }

    @Test
    void reclassificationWhilePendingClosureKeepsTheClockPausedWithTheTimeItConsumed() {
        Instant opening = now.minus(Duration.ofHours(7));
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.LOW);
        append(ticket, OPERATOR, opening);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                opening.plus(Duration.ofMinutes(5)));
        Instant pending = opening.plus(Duration.ofHours(2));
        append(new TicketPendingClosure(ticket.ticketId(), "restarted"), ANA, pending);
        long reclassifiedAt = append(reclassified(ticket, TicketStatus.PENDING_CLOSURE, Priority.CRITICAL,
                TicketType.INCIDENT, null), OPERATOR, now.minus(Duration.ofHours(4)));

        JsonNode paused = view("operator", ticket, reclassifiedAt);
        assertThat(paused.get("status").asText()).isEqualTo("PENDING_CLOSURE");
        assertThat(paused.get("sla").get("resolutionState").asText()).isEqualTo("PAUSED");
        assertThat(instant(paused.get("sla").get("resolutionDueAt"))).isEqualTo(opening.plus(Duration.ofHours(8)));
        assertThat(instant(paused.get("sla").get("resolvedAt"))).isEqualTo(pending);

        // Reopened: the 2 h consumed before the pause count against CRITICAL's 8 h, the pause does not.
        Instant reopening = now.minus(Duration.ofHours(1));
        long reopened = append(new TicketReopened(ticket.ticketId(), "back", TicketStatus.PENDING_CLOSURE, "ana"),
                ACME_CLIENT, reopening);
        JsonNode running = view("operator", ticket, reopened);
        assertThat(instant(running.get("sla").get("resolutionDueAt"))).isEqualTo(reopening.plus(Duration.ofHours(6)));
        assertThat(running.get("sla").get("resolutionState").asText()).isEqualTo("RUNNING");
    }

    @Test
    void reclassificationAfterAReopeningCarriesTheConsumedTimeOverAndSkipsThePause() {
        Instant opening = now.minus(Duration.ofHours(6));
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.MEDIUM);
        append(ticket, OPERATOR, opening);
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                opening.plus(Duration.ofMinutes(5)));
        append(new TicketPendingClosure(ticket.ticketId(), "restarted"), ANA, opening.plus(Duration.ofHours(1)));
        Instant reopening = opening.plus(Duration.ofHours(3));
        append(new TicketReopened(ticket.ticketId(), "back", TicketStatus.PENDING_CLOSURE, "ana"), ACME_CLIENT,
                reopening);
        long position = append(reclassified(ticket, TicketStatus.ASSIGNED, Priority.CRITICAL, TicketType.INCIDENT,
                null), ANA, now.minus(Duration.ofHours(2)));

        JsonNode sla = view("ana", ticket, position).get("sla");
        // 1 h before the pending closure, then running since the reopening: 7 h of CRITICAL's 8 h left from there.
        assertThat(instant(sla.get("resolutionDueAt"))).isEqualTo(reopening.plus(Duration.ofHours(7)));
        assertThat(sla.get("resolutionState").asText()).isEqualTo("RUNNING");
    }

    @Test
    void cancelledTicketLeavesTheQueuesAndTheBreachListsAndItsUnmetTargetsReadCancelled() {
        TicketOpened forgotten = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(forgotten, OPERATOR, now.minus(Duration.ofHours(10)));
        TicketOpened answered = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(answered, OPERATOR, now.minus(Duration.ofHours(10)));
        append(new TicketAssigned(answered.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                now.minus(Duration.ofHours(9)).minus(Duration.ofMinutes(30)));
        long before = append(new TicketAssigned(answered.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                now.minus(Duration.ofHours(9)));
        assertThat(numbers(getAt("operator", "/api/sla/breaches?state=BREACHED&limit=200", before).json()))
                .contains(forgotten.number(), answered.number());

        append(cancelled(forgotten, CancellationReason.OUT_OF_SCOPE, null, TicketStatus.OPEN, null), OPERATOR,
                now.minus(Duration.ofHours(1)));
        long position = append(cancelled(answered, CancellationReason.NO_CONTRACT, null, TicketStatus.ASSIGNED,
                "ana"), ANA, now.minus(Duration.ofHours(1)));

        JsonNode unanswered = view("operator", forgotten, position);
        assertThat(unanswered.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(unanswered.get("sla").get("responseState").asText()).isEqualTo("CANCELLED");
        assertThat(unanswered.get("sla").get("resolutionState").asText()).isEqualTo("CANCELLED");
        JsonNode responded = view("operator", answered, position);
        assertThat(responded.get("sla").get("responseState").asText()).isEqualTo("MET");
        assertThat(responded.get("sla").get("resolutionState").asText()).isEqualTo("CANCELLED");
        assertThat(numbers(getAt("operator", "/api/sla/breaches?state=BREACHED&limit=200", position).json()))
                .doesNotContain(forgotten.number(), answered.number());
        assertThat(numbers(getAt("operator", "/api/queues/L1?limit=200", position).json().get("items")))
                .doesNotContain(forgotten.number());
        assertThat(numbers(getAt("operator", "/api/queues/engineers/ana?limit=200", position).json().get("items")))
                .doesNotContain(answered.number());
        assertThat(numbers(getAt("operator", "/api/tickets?status=CANCELLED&limit=200&clientId=acme", position)
                .json().get("items"))).isNotEmpty();
    }

    @Test
    void bothTimelinesShowADuplicateAndItsOriginal() {
        TicketOpened original = Tickets.opened("acme");
        append(original, ACME_CLIENT, now.minus(Duration.ofMinutes(20)));
        TicketOpened duplicate = Tickets.opened("acme");
        append(duplicate, ACME_CLIENT, now.minus(Duration.ofMinutes(10)));
        long position = append(cancelled(duplicate, CancellationReason.DUPLICATE, original, TicketStatus.OPEN, null),
                OPERATOR, now.minus(Duration.ofMinutes(5)));
        long later = append(reclassified(original, TicketStatus.OPEN, Priority.CRITICAL, TicketType.INCIDENT,
                "access"), OPERATOR, now);

        JsonNode duplicateHistory = getAt("acme-1", "/api/tickets/" + duplicate.ticketId() + "/history", later).json();
        JsonNode cancelEntry = duplicateHistory.get(duplicateHistory.size() - 1);
        assertThat(cancelEntry.get("type").asText()).isEqualTo("TicketCancelled");
        assertThat(cancelEntry.get("summary").asText())
                .isEqualTo("Closed as a duplicate of " + original.number() + ": same outage");
        assertThat(cancelEntry.get("details").get("duplicateOf").asText()).isEqualTo(original.ticketId().toString());

        JsonNode originalHistory = getAt("acme-1", "/api/tickets/" + original.ticketId() + "/history", later).json();
        assertThat(originalHistory).hasSize(3);
        JsonNode link = originalHistory.get(1);
        assertThat(link.get("type").asText()).isEqualTo("DuplicateClosed");
        assertThat(link.get("position").asLong()).isEqualTo(position);
        assertThat(link.get("summary").asText())
                .isEqualTo(duplicate.number() + " was closed as a duplicate of this ticket: same outage");
        JsonNode change = originalHistory.get(2);
        assertThat(change.get("type").asText()).isEqualTo("TicketReclassified");
        assertThat(change.get("summary").asText())
                .isEqualTo("Reclassified, priority HIGH → CRITICAL, category none → access: the whole floor is down");
        assertThat(change.get("details").get("fromPriority").asText()).isEqualTo("HIGH");
        assertThat(change.get("details").get("toPriority").asText()).isEqualTo("CRITICAL");
    }

    @Test
    void auditStateAsOfAnInstantFollowsTheReclassificationAndTheCancellation() {
        Instant opening = now.minus(Duration.ofHours(3));
        TicketOpened ticket = Tickets.opened("acme", TicketType.INCIDENT, Priority.HIGH);
        append(ticket, OPERATOR, opening);
        append(reclassified(ticket, TicketStatus.OPEN, Priority.CRITICAL, TicketType.INCIDENT, null), OPERATOR,
                now.minus(Duration.ofHours(2)));
        long position = append(cancelled(ticket, CancellationReason.WITHDRAWN, null, TicketStatus.OPEN, null),
                ACME_CLIENT, now.minus(Duration.ofHours(1)));
        JsonNode live = view("auditor", ticket, position);
        String state = "/api/audit/tickets/" + ticket.ticketId() + "/state?asOf=";

        JsonNode before = get("auditor", state + now.minus(Duration.ofMinutes(150))).json();
        assertThat(before.get("priority").asText()).isEqualTo("HIGH");
        JsonNode reclassified = get("auditor", state + now.minus(Duration.ofMinutes(90))).json();
        assertThat(reclassified.get("priority").asText()).isEqualTo("CRITICAL");
        assertThat(instant(reclassified.get("sla").get("resolutionDueAt"))).isEqualTo(opening.plus(Duration.ofHours(8)));
        JsonNode after = get("auditor", state + now).json();
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("sla")).isEqualTo(live.get("sla"));
    }

    @Test
    void reportsGroupByTheNewPriorityAndCountCancelledTicketsApart() {
        Instant week = Instant.parse("2025-06-01T00:00:00Z");
        Instant at = week.plus(Duration.ofHours(34));
        TicketOpened met = Tickets.opened("lifecycle-reports", TicketType.INCIDENT, Priority.LOW);
        append(met, OPERATOR, at);
        append(reclassified(met, TicketStatus.OPEN, Priority.CRITICAL, TicketType.INCIDENT, null), OPERATOR,
                at.plus(Duration.ofMinutes(5)));
        append(new TicketAssigned(met.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                at.plus(Duration.ofMinutes(30)));
        append(new TicketPendingClosure(met.ticketId(), "fixed"), ANA, at.plus(Duration.ofHours(4)));
        TicketOpened withdrawn = Tickets.opened("lifecycle-reports", TicketType.INCIDENT, Priority.CRITICAL);
        append(withdrawn, ACME_CLIENT, at);
        long position = append(cancelled(withdrawn, CancellationReason.WITHDRAWN, null, TicketStatus.OPEN, null),
                ACME_CLIENT, at.plus(Duration.ofHours(5)));

        JsonNode groups = getAt("analyst", "/api/reports/sla?from=" + week + "&to=" + week.plus(Duration.ofDays(7))
                + "&groupBy=priority", position).json().get("groups");
        assertThat(groups).hasSize(1);
        JsonNode critical = groups.get(0);
        assertThat(critical.get("group").asText()).isEqualTo("CRITICAL");
        assertThat(critical.get("tickets").asLong()).isEqualTo(2);
        assertThat(critical.get("cancelled").asLong()).isEqualTo(1);
        assertThat(critical.get("responseMet").asLong()).isEqualTo(1);
        assertThat(critical.get("responseBreached").asLong()).isZero();
        assertThat(critical.get("resolutionMet").asLong()).isEqualTo(1);
        assertThat(critical.get("resolutionBreached").asLong()).isZero();
        assertThat(critical.get("compliancePercent").asDouble()).isEqualTo(100.0);

        JsonNode backlog = getAt("analyst", "/api/reports/backlog", position).json();
        long open = jdbc.sql("SELECT count(*) FROM report_ticket WHERE status IN ('OPEN', 'ASSIGNED', 'PENDING_CLOSURE')")
                .query(Long.class).single();
        assertThat(backlog.get("total").asLong()).isEqualTo(open);
    }

    static List<String> numbers(JsonNode views) {
        List<String> numbers = new ArrayList<>();
        views.forEach(view -> numbers.add(view.get("number").asText()));
        return numbers;
    }
}
