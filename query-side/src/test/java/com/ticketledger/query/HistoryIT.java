package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.AssignedVia;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline: oldest first, naming who did what; clients see PUBLIC entries of their own tickets only. */
class HistoryIT extends QuerySideIT {

    TicketOpened opened;
    long last;

    void ticketWithAnInternalNote() {
        opened = Tickets.opened("acme");
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        append(opened, ACME_CLIENT, at);
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, at.plusSeconds(60));
        append(new NoteAdded(opened.ticketId(), "suspect the firewall rules", Visibility.INTERNAL), ANA,
                at.plusSeconds(120));
        last = append(new NoteAdded(opened.ticketId(), "we are on it", Visibility.PUBLIC), ANA, at.plusSeconds(180));
    }

    static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    @Test
    void staffSeeEveryEntryOldestFirstWithTheActor() {
        ticketWithAnInternalNote();
        JsonNode history = getAt("operator", "/api/tickets/" + opened.ticketId() + "/history", last).json();

        assertThat(types(history)).containsExactly("TicketOpened", "TicketAssigned", "NoteAdded", "NoteAdded");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("acme-1");
        assertThat(history.get(0).get("summary").asText()).contains(opened.number()).contains("VPN down");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("operator");
        assertThat(history.get(1).get("summary").asText()).isEqualTo("Assigned to ana (L1)");
        assertThat(history.get(2).get("summary").asText()).isEqualTo("Internal note: suspect the firewall rules");
        assertThat(history.get(2).get("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(history.get(3).get("details").get("text").asText()).isEqualTo("we are on it");
        assertThat(history.get(0).get("position").asLong()).isLessThan(history.get(3).get("position").asLong());
        assertThat(Instant.parse(history.get(0).get("at").asText())).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void clientSeesItsTicketsPublicEntriesOnly() {
        ticketWithAnInternalNote();
        JsonNode history = getAt("acme-2", "/api/tickets/" + opened.ticketId() + "/history", last).json();

        assertThat(types(history)).containsExactly("TicketOpened", "TicketAssigned", "NoteAdded");
        assertThat(history.toString()).doesNotContain("firewall");
    }

    @Test
    void auditorAndAnalystSeeEverything() {
        ticketWithAnInternalNote();
        assertThat(getAt("auditor", "/api/tickets/" + opened.ticketId() + "/history", last).json()).hasSize(4);
        assertThat(getAt("analyst", "/api/tickets/" + opened.ticketId() + "/history", last).json()).hasSize(4);
    }

    @Test
    void anAutomaticAcceptanceIsTheLedgersAndSaysSo() {
        opened = Tickets.opened("acme");
        Instant at = Instant.parse("2026-11-24T15:00:00Z");
        append(opened, ACME_CLIENT, at);
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, at.plusSeconds(60));
        append(new TicketPendingClosure(opened.ticketId(), "gateway restarted", Instant.parse("2026-12-01T15:02:00Z"),
                Instant.parse("2026-11-30T15:02:00Z")), ANA, at.plusSeconds(120));
        last = appendByTheLedger(new ClosureAccepted(opened.ticketId(), null, true),
                Instant.parse("2026-12-01T15:02:00Z"));

        JsonNode entry = getAt("acme-1", "/api/tickets/" + opened.ticketId() + "/history", last).json().get(3);

        assertThat(entry.get("type").asText()).isEqualTo("ClosureAccepted");
        assertThat(entry.get("summary").asText())
                .isEqualTo("Closed: accepted automatically by the ledger (no answer within 5 business days)");
        assertThat(entry.get("actor").asText()).isEqualTo("system");
        assertThat(entry.get("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(entry.get("details").get("automatic").asBoolean()).isTrue();
    }

    @Test
    void aTicketTakenFromAQueueSaysSoAndADirectAssignmentNamesTheEngineer() {
        opened = Tickets.opened("acme");
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        append(opened, ACME_CLIENT, at);
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1, AssignedVia.TAKE_NEXT), ANA,
                at.plusSeconds(60));
        last = append(new TicketAssigned(opened.ticketId(), "diego", "ana", SupportLevel.L1), OPERATOR,
                at.plusSeconds(120));

        JsonNode history = getAt("acme-1", "/api/tickets/" + opened.ticketId() + "/history", last).json();

        assertThat(history.get(1).get("summary").asText()).isEqualTo("Taken from the L1 queue by ana");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("ana");
        assertThat(history.get(1).get("details").get("via").asText()).isEqualTo("TAKE_NEXT");
        assertThat(history.get(2).get("summary").asText()).isEqualTo("Assigned to diego (L1), before ana");
        assertThat(history.get(2).get("details").get("via").asText()).isEqualTo("DIRECT");
    }
}
