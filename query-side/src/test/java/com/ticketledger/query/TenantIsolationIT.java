package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.TicketOpened;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read a client may make, for a ticket of its own organisation and one of another: the other is never
 * seen, counted or paged through, and a direct read of it is a 404 indistinguishable from a missing ticket.
 */
class TenantIsolationIT extends QuerySideIT {

    @Test
    void clientReadsOnlyItsOwnOrganisationsTickets() {
        TicketOpened acme = Tickets.opened("acme");
        TicketOpened globex = Tickets.opened("globex");
        append(acme, ACME_CLIENT, Instant.now());
        long last = append(globex, OPERATOR, Instant.now());

        // direct reads
        assertThat(getAt("acme-1", "/api/tickets/" + acme.ticketId(), last).status()).isEqualTo(200);
        assertThat(getAt("globex-1", "/api/tickets/" + acme.ticketId(), last).status()).isEqualTo(404);
        assertThat(getAt("globex-1", "/api/tickets/" + globex.ticketId(), last).status()).isEqualTo(200);
        assertThat(getAt("acme-2", "/api/tickets/" + globex.ticketId(), last).status()).isEqualTo(404);
        Answer foreign = get("acme-2", "/api/tickets/" + globex.ticketId());
        Answer missing = get("acme-2", "/api/tickets/" + java.util.UUID.randomUUID());
        assertThat(foreign.json().get("title")).isEqualTo(missing.json().get("title"));

        // history
        assertThat(getAt("acme-1", "/api/tickets/" + acme.ticketId() + "/history", last).status()).isEqualTo(200);
        assertThat(getAt("globex-1", "/api/tickets/" + acme.ticketId() + "/history", last).status()).isEqualTo(404);
        assertThat(getAt("acme-1", "/api/tickets/" + globex.ticketId() + "/history", last).status()).isEqualTo(404);

        // lists: only the own organisation, even when another is asked for by name
        assertThat(clientIds(getAt("acme-1", "/api/tickets?limit=200", last).json())).containsOnly("acme");
        assertThat(clientIds(getAt("globex-1", "/api/tickets?limit=200", last).json())).containsOnly("globex");
        assertThat(getAt("acme-1", "/api/tickets?clientId=globex", last).json().get("items")).isEmpty();
        assertThat(clientIds(getAt("operator", "/api/tickets?limit=200", last).json())).contains("acme", "globex");

        // desk-only reads are not the client's at all
        assertThat(get("acme-1", "/api/queues/L1").status()).isEqualTo(403);
        assertThat(get("acme-1", "/api/queues/engineers/ana").status()).isEqualTo(403);
        assertThat(get("acme-1", "/api/sla/breaches?state=BREACHED").status()).isEqualTo(403);
    }

    @Test
    void clientPagesThroughItsOwnTicketsOnly() {
        for (int i = 0; i < 3; i++) {
            append(Tickets.opened("globex"), OPERATOR, Instant.now());
        }
        long last = append(Tickets.opened("globex"), OPERATOR, Instant.now());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getAt("acme-1", "/api/tickets?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), last)
                    .json();
            seen.addAll(clientIds(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).containsOnly("acme");
    }

    static List<String> clientIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("clientId").asText()));
        return ids;
    }
}
