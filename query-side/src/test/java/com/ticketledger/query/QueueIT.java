package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketType;
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

    @Test
    void invalidPagingIsABadRequest() {
        assertThat(get("ana", "/api/queues/L1?cursor=not-a-cursor").status()).isEqualTo(400);
        assertThat(get("ana", "/api/queues/L1?limit=201").status()).isEqualTo(400);
        assertThat(get("ana", "/api/queues/L1?limit=0").status()).isEqualTo(400);
        assertThat(get("ana", "/api/queues/L9").status()).isEqualTo(400);
    }
}
