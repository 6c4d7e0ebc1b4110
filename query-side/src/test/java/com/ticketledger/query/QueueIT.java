package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.query.read.Cursor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue order (docs/domain.md): incidents first, then priority, then first in, first out; keyset pages. */
class QueueIT extends QuerySideIT {

    final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));

    List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("ticketId").asText()));
        return ids;
    }

    @Test
    void levelQueueServesIncidentsFirstThenPriorityThenFirstInFirstOut() {
        TicketOpened lowIncidentEarly = Tickets.opened("acme", TicketType.INCIDENT, Priority.LOW);
        TicketOpened criticalRequest = Tickets.opened("acme", TicketType.REQUEST, Priority.CRITICAL);
        TicketOpened highIncidentLate = Tickets.opened("globex", TicketType.INCIDENT, Priority.HIGH);
        TicketOpened highIncidentEarly = Tickets.opened("acme", TicketType.INCIDENT, Priority.HIGH);
        TicketOpened mediumChange = Tickets.opened("globex", TicketType.CHANGE, Priority.MEDIUM);
        append(lowIncidentEarly, OPERATOR, base);
        append(criticalRequest, OPERATOR, base.plusSeconds(60));
        append(highIncidentEarly, OPERATOR, base.plusSeconds(120));
        append(highIncidentLate, OPERATOR, base.plusSeconds(180));
        long last = append(mediumChange, OPERATOR, base.plusSeconds(240));
        Set<String> ours = Set.of(lowIncidentEarly, criticalRequest, highIncidentLate, highIncidentEarly, mediumChange)
                .stream().map(e -> e.ticketId().toString()).collect(Collectors.toSet());

        List<String> queue = ids(getAt("ana", "/api/queues/L1?limit=200", last).json()).stream()
                .filter(ours::contains).toList();

        assertThat(queue).containsExactly(highIncidentEarly.ticketId().toString(),
                highIncidentLate.ticketId().toString(), lowIncidentEarly.ticketId().toString(),
                criticalRequest.ticketId().toString(), mediumChange.ticketId().toString());
    }

    @Test
    void assignedTicketLeavesTheLevelQueueForTheEngineersQueue() {
        String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
        TicketOpened opened = Tickets.opened("acme");
        append(opened, OPERATOR, base);
        long assigned = append(new TicketAssigned(opened.ticketId(), engineer, null, SupportLevel.L1), OPERATOR,
                base.plusSeconds(30));

        assertThat(ids(getAt("ana", "/api/queues/L1?limit=200", assigned).json()))
                .doesNotContain(opened.ticketId().toString());
        assertThat(ids(get("operator", "/api/queues/engineers/" + engineer).json()))
                .containsExactly(opened.ticketId().toString());
    }

    @Test
    void engineersQueueIsPagedWithoutSkippingOrRepeating() {
        String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> expected = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < 7; i++) {
            TicketOpened opened = Tickets.opened("acme", TicketType.INCIDENT, Priority.values()[i % 4]);
            append(opened, OPERATOR, base.plusSeconds(i));
            last = append(new TicketAssigned(opened.ticketId(), engineer, null, SupportLevel.L1), OPERATOR,
                    base.plusSeconds(100 + i));
        }
        JsonNode all = getAt("analyst", "/api/queues/engineers/" + engineer + "?limit=200", last).json();
        expected.addAll(ids(all));
        assertThat(expected).hasSize(7);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("analyst", "/api/queues/engineers/" + engineer + "?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            paged.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    /** Takes an opened ticket up to VENDOR, one level at a time, carla (L3) staying responsible; its last position. */
    long toVendor(TicketOpened opened, String caseRef, Instant escalatedAt) {
        UUID id = opened.ticketId();
        append(new TicketAssigned(id, "ana", null, SupportLevel.L1), OPERATOR, escalatedAt.minusSeconds(50));
        append(escalated(opened, SupportLevel.L1, SupportLevel.L2, null, null), ANA, escalatedAt.minusSeconds(40));
        append(new TicketAssigned(id, "bruno", null, SupportLevel.L2), OPERATOR, escalatedAt.minusSeconds(30));
        append(escalated(opened, SupportLevel.L2, SupportLevel.L3, null, null), BRUNO, escalatedAt.minusSeconds(20));
        append(new TicketAssigned(id, "carla", null, SupportLevel.L3), OPERATOR, escalatedAt.minusSeconds(10));
        return append(escalated(opened, SupportLevel.L3, SupportLevel.VENDOR, caseRef, "carla"), CARLA, escalatedAt);
    }

    static TicketEscalated escalated(TicketOpened opened, SupportLevel from, SupportLevel to, String caseRef,
            String engineer) {
        return new TicketEscalated(opened.ticketId(), opened.number(), opened.clientId(), opened.title(),
                opened.priority(), from, to, "beyond this level", caseRef, engineer);
    }

    static final By CARLA = By.staff("carla", Role.ENGINEER);

    JsonNode item(JsonNode page, TicketOpened opened) {
        for (JsonNode item : page.get("items")) {
            if (item.get("ticketId").asText().equals(opened.ticketId().toString())) {
                return item;
            }
        }
        throw new AssertionError(opened.number() + " is not in " + page);
    }

    @Test
    void vendorQueueListsTicketsWaitingOnTheVendorOldestEscalationFirstWithTheirCaseReference() {
        // Opened first but escalated last, and a LOW request escalated before a CRITICAL incident: the vendor
        // queue's order is how long each has waited on the vendor, nothing else.
        TicketOpened openedFirst = Tickets.opened("acme", TicketType.INCIDENT, Priority.CRITICAL);
        TicketOpened lowRequest = Tickets.opened("globex", TicketType.REQUEST, Priority.LOW);
        TicketOpened waiting = Tickets.opened("acme", TicketType.INCIDENT, Priority.HIGH);
        append(openedFirst, OPERATOR, base);
        append(lowRequest, OPERATOR, base.plusSeconds(60));
        append(waiting, OPERATOR, base.plusSeconds(120));
        toVendor(lowRequest, "TAC-1001", base.plusSeconds(1_000));
        toVendor(waiting, "TAC-1002", base.plusSeconds(2_000));
        long last = toVendor(openedFirst, "TAC-1003", base.plusSeconds(3_000));
        Set<String> ours = Set.of(openedFirst, lowRequest, waiting).stream().map(e -> e.ticketId().toString())
                .collect(Collectors.toSet());

        JsonNode vendor = getAt("ana", "/api/queues/VENDOR?limit=200", last).json();
        assertThat(ids(vendor).stream().filter(ours::contains).toList()).containsExactly(
                lowRequest.ticketId().toString(), waiting.ticketId().toString(), openedFirst.ticketId().toString());
        JsonNode first = item(vendor, lowRequest);
        assertThat(first.get("vendorCaseRef").asText()).isEqualTo("TAC-1001");
        assertThat(Instant.parse(first.get("vendorEscalatedAt").asText())).isEqualTo(base.plusSeconds(1_000));
        assertThat(first.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(first.get("level").asText()).isEqualTo("VENDOR");
        assertThat(first.get("assignee").asText()).isEqualTo("carla");
        // The status view of every read carries them too; the level queues are as they were.
        JsonNode view = getAt("acme-1", "/api/tickets/" + waiting.ticketId(), last).json();
        assertThat(view.get("vendorCaseRef").asText()).isEqualTo("TAC-1002");
        assertThat(Instant.parse(view.get("vendorEscalatedAt").asText())).isEqualTo(base.plusSeconds(2_000));
        for (String level : new String[] {"L1", "L2", "L3"}) {
            assertThat(ids(getAt("ana", "/api/queues/" + level + "?limit=200", last).json())).as(level)
                    .doesNotContainAnyElementsOf(ours);
        }
        assertThat(ids(get("ana", "/api/queues/engineers/carla?limit=200").json())).containsAll(ours);
    }

    @Test
    void aTicketPendingClosureLeavesTheVendorQueueAndComesBackWhenReopened() {
        TicketOpened opened = Tickets.opened("acme");
        append(opened, OPERATOR, base);
        toVendor(opened, "TAC-2001", base.plusSeconds(500));
        long pending = append(new TicketPendingClosure(opened.ticketId(), "vendor patch applied"), CARLA,
                base.plusSeconds(600));
        assertThat(ids(getAt("ana", "/api/queues/VENDOR?limit=200", pending).json()))
                .as("it waits on the client now, not on the vendor").doesNotContain(opened.ticketId().toString());

        long reopened = append(new TicketReopened(opened.ticketId(), "fails again", TicketStatus.PENDING_CLOSURE,
                "carla"), ACME_CLIENT, base.plusSeconds(700));
        JsonNode back = item(getAt("ana", "/api/queues/VENDOR?limit=200", reopened).json(), opened);
        assertThat(back.get("vendorCaseRef").asText()).isEqualTo("TAC-2001");
        assertThat(Instant.parse(back.get("vendorEscalatedAt").asText())).isEqualTo(base.plusSeconds(500));
    }

    @Test
    void vendorQueueIsPagedWithoutSkippingOrRepeating() {
        long last = 0;
        for (int i = 0; i < 5; i++) {
            TicketOpened opened = Tickets.opened("acme");
            append(opened, OPERATOR, base.plusSeconds(i));
            last = toVendor(opened, "TAC-3" + i, base.plusSeconds(5_000 + i));
        }
        List<String> all = ids(getAt("analyst", "/api/queues/VENDOR?limit=200", last).json());
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("analyst", "/api/queues/VENDOR?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            paged.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(all);

        String levelCursor = Cursor.encode(0, 1, base, UUID.randomUUID());
        assertThat(get("analyst", "/api/queues/VENDOR?cursor=" + levelCursor).status())
                .as("a level queue's cursor is not the vendor queue's").isEqualTo(400);
    }

    @Test
    void invalidPagingIsABadRequest() {
        assertThat(get("ana", "/api/queues/L1?cursor=not-a-cursor").status()).isEqualTo(400);
        assertThat(get("ana", "/api/queues/L1?limit=201").status()).isEqualTo(400);
        assertThat(get("ana", "/api/queues/L1?limit=0").status()).isEqualTo(400);
        assertThat(get("ana", "/api/queues/L9").status()).isEqualTo(400);
    }
}
