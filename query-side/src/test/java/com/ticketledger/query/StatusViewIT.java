package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The status view and its SLA block, as the events of a ticket's life move them. */
class StatusViewIT extends QuerySideIT {

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void openedTicketIsOpenAtL1WithItsSlaRunning() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        long position = append(opened, OPERATOR, now.minus(Duration.ofMinutes(10)));

        Answer answer = getAt("operator", "/api/tickets/" + opened.ticketId(), position);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode view = answer.json();
        assertThat(view.get("ticketId").asText()).isEqualTo(opened.ticketId().toString());
        assertThat(view.get("number").asText()).isEqualTo(opened.number());
        assertThat(view.get("clientId").asText()).isEqualTo("acme");
        assertThat(view.get("title").asText()).isEqualTo("VPN down");
        assertThat(view.get("type").asText()).isEqualTo("INCIDENT");
        assertThat(view.get("priority").asText()).isEqualTo("CRITICAL");
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("level").asText()).isEqualTo("L1");
        assertThat(view.get("assignee").isNull()).isTrue();
        assertThat(view.get("reopenCount").asInt()).isZero();
        assertThat(view.get("version").asLong()).isZero();
        assertThat(Instant.parse(view.get("openedAt").asText())).isEqualTo(now.minus(Duration.ofMinutes(10)));
        JsonNode sla = view.get("sla");
        // CRITICAL runs on the 24x7 calendar: 2 h to respond, 8 h to resolve.
        assertThat(Instant.parse(sla.get("responseDueAt").asText())).isEqualTo(now.plus(Duration.ofMinutes(110)));
        assertThat(Instant.parse(sla.get("resolutionDueAt").asText())).isEqualTo(now.plus(Duration.ofMinutes(470)));
        assertThat(sla.get("respondedAt").isNull()).isTrue();
        assertThat(sla.get("resolvedAt").isNull()).isTrue();
        assertThat(sla.get("responseState").asText()).isEqualTo("RUNNING");
        assertThat(sla.get("resolutionState").asText()).isEqualTo("RUNNING");
    }

    @Test
    void firstAssignmentIsTheResponse() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofMinutes(30)));
        long position = append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                now.minus(Duration.ofMinutes(20)));

        JsonNode view = getAt("ana", "/api/tickets/" + opened.ticketId(), position).json();
        assertThat(view.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.get("assignee").asText()).isEqualTo("ana");
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(view.get("sla").get("respondedAt").asText())).isEqualTo(now.minus(Duration.ofMinutes(20)));
        assertThat(view.get("sla").get("responseState").asText()).isEqualTo("MET");
    }

    @Test
    void publicNoteByAnEngineerIsTheResponseButAClientsNoteIsNot() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofMinutes(30)));
        append(new NoteAdded(opened.ticketId(), "any news?", Visibility.PUBLIC), ACME_CLIENT,
                now.minus(Duration.ofMinutes(25)));
        append(new NoteAdded(opened.ticketId(), "looking", Visibility.INTERNAL), ANA, now.minus(Duration.ofMinutes(22)));
        long position = append(new NoteAdded(opened.ticketId(), "we are on it", Visibility.PUBLIC), ANA,
                now.minus(Duration.ofMinutes(20)));

        JsonNode sla = getAt("ana", "/api/tickets/" + opened.ticketId(), position).json().get("sla");
        assertThat(Instant.parse(sla.get("respondedAt").asText())).isEqualTo(now.minus(Duration.ofMinutes(20)));
    }

    @Test
    void unansweredCriticalTicketBreachesWithoutAnyEvent() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        long position = append(opened, OPERATOR, now.minus(Duration.ofHours(10)));

        JsonNode sla = getAt("operator", "/api/tickets/" + opened.ticketId(), position).json().get("sla");
        assertThat(sla.get("responseState").asText()).isEqualTo("BREACHED");
        assertThat(sla.get("resolutionState").asText()).isEqualTo("BREACHED");
    }

    @Test
    void targetIsAtRiskAtEightyPercent() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        long position = append(opened, OPERATOR, now.minus(Duration.ofMinutes(100)));

        JsonNode sla = getAt("operator", "/api/tickets/" + opened.ticketId(), position).json().get("sla");
        assertThat(sla.get("responseState").asText()).isEqualTo("AT_RISK");
        assertThat(sla.get("resolutionState").asText()).isEqualTo("RUNNING");
    }

    @Test
    void timePendingClosureIsNotCountedAgainstTheResolution() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofHours(10)));
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                now.minus(Duration.ofHours(10)).plusSeconds(60));
        long pending = append(new TicketPendingClosure(opened.ticketId(), "restarted"), ANA,
                now.minus(Duration.ofHours(9)));

        JsonNode paused = getAt("ana", "/api/tickets/" + opened.ticketId(), pending).json();
        assertThat(paused.get("status").asText()).isEqualTo("PENDING_CLOSURE");
        assertThat(paused.get("sla").get("resolutionState").asText()).isEqualTo("PAUSED");
        assertThat(Instant.parse(paused.get("sla").get("resolvedAt").asText())).isEqualTo(now.minus(Duration.ofHours(9)));

        long reopened = append(new TicketReopened(opened.ticketId(), "still down", TicketStatus.PENDING_CLOSURE, "ana"),
                ACME_CLIENT, now.minus(Duration.ofHours(1)));
        JsonNode view = getAt("ana", "/api/tickets/" + opened.ticketId(), reopened).json();
        assertThat(view.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.get("reopenCount").asInt()).isEqualTo(1);
        // 1 h ran before the pause; 7 h remain from the reopening: due in 6 h, not 2 h ago.
        assertThat(Instant.parse(view.get("sla").get("resolutionDueAt").asText())).isEqualTo(now.plus(Duration.ofHours(6)));
        assertThat(view.get("sla").get("resolutionState").asText()).isEqualTo("RUNNING");
        assertThat(view.get("sla").get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void pendingClosureSaysWhenTheLedgerAcceptsItAndTheLedgersAcceptanceClosesIt() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofHours(3)));
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now.minus(Duration.ofHours(2)));
        Instant autoAcceptAt = now.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        long pending = append(new TicketPendingClosure(opened.ticketId(), "fixed", autoAcceptAt,
                autoAcceptAt.minus(Duration.ofDays(1))), ANA, now.minus(Duration.ofHours(1)));

        JsonNode waiting = getAt("acme-1", "/api/tickets/" + opened.ticketId(), pending).json();
        assertThat(waiting.get("status").asText()).isEqualTo("PENDING_CLOSURE");
        assertThat(Instant.parse(waiting.get("autoAcceptAt").asText())).isEqualTo(autoAcceptAt);

        long closed = appendByTheLedger(new ClosureAccepted(opened.ticketId(), null, true), now);
        JsonNode view = getAt("acme-1", "/api/tickets/" + opened.ticketId(), closed).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("autoAcceptAt").isNull()).isTrue();
        assertThat(view.get("sla").get("resolutionState").asText()).isEqualTo("MET");
    }

    @Test
    void aPendingClosureRecordedBeforeAutomaticAcceptanceHasNoInstant() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofHours(3)));
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now.minus(Duration.ofHours(2)));
        long pending = append(new TicketPendingClosure(opened.ticketId(), "fixed"), ANA, now.minus(Duration.ofHours(1)));

        JsonNode view = getAt("acme-1", "/api/tickets/" + opened.ticketId(), pending).json();
        assertThat(view.get("status").asText()).isEqualTo("PENDING_CLOSURE");
        assertThat(view.get("autoAcceptAt").isNull()).isTrue();
    }

    @Test
    void closedTicketResolvedInTimeHasMetItsResolution() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofHours(3)));
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now.minus(Duration.ofHours(2)));
        append(new TicketPendingClosure(opened.ticketId(), "fixed"), ANA, now.minus(Duration.ofHours(1)));
        long closed = append(new ClosureAccepted(opened.ticketId(), null), ACME_CLIENT, now.minus(Duration.ofMinutes(30)));

        JsonNode view = getAt("acme-1", "/api/tickets/" + opened.ticketId(), closed).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("sla").get("responseState").asText()).isEqualTo("MET");
        assertThat(view.get("sla").get("resolutionState").asText()).isEqualTo("MET");
    }

    @Test
    void escalationMovesTheLevelAndEmptiesTheAssigneeButResetsNoClock() {
        TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        append(opened, OPERATOR, now.minus(Duration.ofHours(1)));
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, now.minus(Duration.ofMinutes(50)));
        long escalated = append(new TicketEscalated(opened.ticketId(), opened.number(), "acme", "VPN down",
                Priority.CRITICAL, SupportLevel.L1, SupportLevel.L2, "routing", null, null), ANA,
                now.minus(Duration.ofMinutes(40)));

        JsonNode view = getAt("operator", "/api/tickets/" + opened.ticketId(), escalated).json();
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("level").asText()).isEqualTo("L2");
        assertThat(view.get("assignee").isNull()).isTrue();
        assertThat(Instant.parse(view.get("sla").get("resolutionDueAt").asText())).isEqualTo(now.plus(Duration.ofHours(7)));
    }

    @Test
    void unknownTicketIsNotFound() {
        Answer answer = get("operator", "/api/tickets/" + java.util.UUID.randomUUID());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
