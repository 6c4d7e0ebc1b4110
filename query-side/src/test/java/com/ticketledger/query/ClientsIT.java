package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.TicketOpened;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients projection and its reads (docs/api.md, "Clients"): the register as the desk reads it, a CLIENT its
 * own organisation only, the report of contracts ending soon, and the SLA report grouped by client with the
 * client's name and policy.
 */
class ClientsIT extends QuerySideIT {

    static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long register(String clientId, LocalDate from, LocalDate to, boolean suspended) {
        appendClient(new ClientRegistered(clientId, "Client " + clientId, "en", BUENOS_AIRES.getId()), Instant.now());
        return appendClient(new ContractSet(clientId, from, to, "standard", true, suspended,
                suspended ? "unpaid" : null), Instant.now());
    }

    @Test
    void theDeskReadsAClientWithItsContractTargetsAndContacts() {
        String client = unique("initech");
        LocalDate today = LocalDate.now(BUENOS_AIRES);
        register(client, today.minusDays(10), today.plusDays(100), false);
        long position = appendClient(new ContactsSet(client, List.of("acme-1"), "Peter", "peter@initech.example",
                "manager@desk.example", List.of("bill@initech.example")), Instant.now());

        Answer read = getAt("ana", "/api/clients/" + client, position);
        assertThat(read.status()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.path("name").asText()).isEqualTo("Client " + client);
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(view.path("contract").path("slaPolicy").asText()).isEqualTo("standard");
        assertThat(view.path("contract").path("inForce").asBoolean()).isTrue();
        assertThat(view.path("contract").path("onSiteSupport").asBoolean()).isTrue();
        assertThat(view.path("contract").path("targets").get(0).path("priority").asText()).isEqualTo("CRITICAL");
        assertThat(view.path("contract").path("targets").get(0).path("response").asText()).isNotEmpty();
        assertThat(view.path("contacts").path("representatives").get(0).asText()).isEqualTo("acme-1");
        assertThat(view.path("contacts").path("areaManagerEmail").asText()).isEqualTo("manager@desk.example");
        assertThat(view.path("contacts").path("escalationEmails").get(0).asText()).isEqualTo("bill@initech.example");
    }

    @Test
    void aSuspendedOrNotYetStartedContractIsNotInForce() {
        String suspended = unique("unpaid");
        LocalDate today = LocalDate.now(BUENOS_AIRES);
        long position = register(suspended, today.minusDays(10), today.plusDays(100), true);
        JsonNode contract = getAt("operator", "/api/clients/" + suspended, position).json().path("contract");
        assertThat(contract.path("suspended").asBoolean()).isTrue();
        assertThat(contract.path("suspensionReason").asText()).isEqualTo("unpaid");
        assertThat(contract.path("inForce").asBoolean()).isFalse();

        String tomorrow = unique("tomorrow");
        position = register(tomorrow, today.plusDays(1), today.plusDays(100), false);
        assertThat(getAt("operator", "/api/clients/" + tomorrow, position).json().path("contract").path("inForce")
                .asBoolean()).isFalse();
    }

    @Test
    void aClientReadsItsOwnOrganisationOnly() {
        long position = registeredClient("acme");
        registeredClient("globex");
        position = Math.max(position, registeredClient("globex"));
        assertThat(getAt("acme-1", "/api/clients/acme", position).status()).isEqualTo(200);
        Answer foreign = getAt("acme-1", "/api/clients/globex", position);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        JsonNode page = getAt("acme-1", "/api/clients", position).json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("clientId").asText()).isEqualTo("acme");
        assertThat(get("operator", "/api/clients/" + unique("nobody")).status()).isEqualTo(404);
    }

    @Test
    void theListIsPagedByClientId() {
        long position = 0;
        for (int i = 0; i < 3; i++) {
            position = register(unique("paged"), LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), false);
        }
        JsonNode first = getAt("operator", "/api/clients?limit=2", position).json();
        assertThat(first.path("items")).hasSize(2);
        String next = first.path("nextCursor").asText();
        JsonNode second = get("operator", "/api/clients?limit=2&cursor=" + next).json();
        assertThat(second.path("items").get(0).path("clientId").asText())
                .isGreaterThan(first.path("items").get(1).path("clientId").asText());
        assertThat(get("operator", "/api/clients?limit=0").status()).isEqualTo(400);
        assertThat(get("operator", "/api/clients?cursor=%25%25").status()).isEqualTo(400);
        assertThat(get("operator", "/api/clients?sort=name").status()).isEqualTo(400);
    }

    @Test
    void theDeskSeesTheContractsEndingWithinTheDaysAsked() {
        LocalDate today = LocalDate.now(BUENOS_AIRES);
        String soon = unique("soon");
        String later = unique("later");
        String ended = unique("ended");
        register(soon, today.minusDays(300), today.plusDays(5), false);
        register(later, today.minusDays(300), today.plusDays(90), false);
        long position = register(ended, today.minusDays(300), today.minusDays(1), false);

        Answer report = getAt("operator", "/api/reports/contracts-ending?days=30", position);
        assertThat(report.status()).isEqualTo(200);
        List<String> ids = ids(report.json());
        assertThat(ids).contains(soon).doesNotContain(later, ended);
        assertThat(ids(get("analyst", "/api/reports/contracts-ending?days=120").json())).contains(soon, later);
        assertThat(get("operator", "/api/reports/contracts-ending?days=0").status()).isEqualTo(400);
        assertThat(get("operator", "/api/reports/contracts-ending?days=many").status()).isEqualTo(400);
        assertThat(get("acme-1", "/api/reports/contracts-ending").status()).isEqualTo(403);
    }

    @Test
    void theSlaReportByClientNamesTheClientAndItsPolicy() {
        String client = unique("reported");
        long registered = register(client, LocalDate.now().minusDays(30), LocalDate.now().plusDays(30), false);
        getAt("operator", "/api/clients/" + client, registered);
        TicketOpened ticket = Tickets.opened(client);
        long position = append(ticket, OPERATOR, Instant.now());
        JsonNode groups = getAt("analyst", "/api/reports/sla?groupBy=client", position).json().path("groups");
        JsonNode group = null;
        for (JsonNode candidate : groups) {
            if (candidate.path("group").asText().equals(client)) {
                group = candidate;
            }
        }
        assertThat(group).isNotNull();
        assertThat(group.path("clientName").asText()).isEqualTo("Client " + client);
        assertThat(group.path("slaPolicy").asText()).isEqualTo("standard");
    }

    static List<String> ids(JsonNode clients) {
        List<String> ids = new java.util.ArrayList<>();
        clients.forEach(client -> ids.add(client.path("clientId").asText()));
        return ids;
    }
}
