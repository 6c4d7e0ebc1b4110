package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.ContractSet;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.sla.SlaPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA policies as data, on the query side (docs/domain.md, "SLA policies"): a ticket is measured by the policy version
 * stamped on its opening, read from the ledger, so a change of policy touches only later tickets, and a rebuild or an
 * "as of" read gives the older ones exactly the deadlines they had; the policies' reads; an unstamped ticket is
 * version 1 of {@code standard}; a holiday list that ran out is a detail of the health.
 */
class SlaPoliciesIT extends QuerySideIT {

    /** Tuesday 24 November 2026, 10:00 UTC: inside the test calendar's office hours. */
    static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

    static final SlaPolicyTerms V1 = Policies.terms("8h", "5d", "2d", "5d", Policies.holidaysAhead());
    static final SlaPolicyTerms V2 = Policies.terms("2h", "2d", "4h", "2d", Policies.holidaysAhead());

    @Autowired
    SlaPolicy configured;

    List<Map<String, Object>> clocks(String table, List<UUID> tickets) {
        return jdbc.sql("SELECT ticket_id, priority, response_at_risk_at, response_due_at, resolution_at_risk_at,"
                        + " resolution_due_at, update_at_risk_at, update_due_at, sla_policy, sla_policy_version FROM "
                        + table + " WHERE ticket_id = ANY(:ids) ORDER BY ticket_id")
                .param("ids", tickets.toArray(UUID[]::new)).query().listOfRows();
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    HttpResponse<String> post(String user, String path) {
        return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aNewVersionTouchesOnlyLaterTicketsAndARebuildGivesTheOlderOnesTheirDeadlinesAgain() {
        String policy = Policies.unique("gold");
        appendPolicy(new SlaPolicyDefined(policy, 1, V1, "the first contract"), TUESDAY.minus(Duration.ofDays(7)));
        TicketOpened older = Tickets.opened("acme", Priority.HIGH, policy, 1);
        append(older, OPERATOR, TUESDAY);
        TicketOpened olderReclassified = Tickets.opened("acme", Priority.LOW, policy, 1);
        append(olderReclassified, OPERATOR, TUESDAY);
        appendPolicy(new SlaPolicyDefined(policy, 2, V2, "shorter targets"), TUESDAY.plus(Duration.ofHours(1)));
        TicketOpened newer = Tickets.opened("acme", Priority.HIGH, policy, 2);
        append(newer, OPERATOR, TUESDAY.plus(Duration.ofHours(2)));
        // reclassified after v2 was defined: the new priority's targets of its own version, v1
        long last = append(new TicketReclassified(olderReclassified.ticketId(), olderReclassified.number(), "acme",
                TicketStatus.OPEN, Priority.LOW, Priority.CRITICAL, TicketType.INCIDENT, TicketType.INCIDENT, null,
                null, "the whole office is down"), OPERATOR, TUESDAY.plus(Duration.ofHours(3)));

        JsonNode olderView = getAt("operator", "/api/tickets/" + older.ticketId(), last).json();
        SlaPolicy v1 = new SlaPolicy(V1);
        SlaPolicy v2 = new SlaPolicy(V2);
        assertThat(olderView.at("/sla/policy/name").asText()).isEqualTo(policy);
        assertThat(olderView.at("/sla/policy/version").asInt()).isEqualTo(1);
        assertThat(instant(olderView.at("/sla/responseDueAt")))
                .isEqualTo(v1.responseDeadlines(Priority.HIGH, TUESDAY).dueAt())
                .isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(instant(olderView.at("/sla/resolutionDueAt")))
                .isEqualTo(v1.resolutionDeadlines(Priority.HIGH, TUESDAY, Duration.ZERO).dueAt());
        JsonNode reclassifiedView = get("operator", "/api/tickets/" + olderReclassified.ticketId()).json();
        assertThat(reclassifiedView.at("/sla/policy/version").asInt()).isEqualTo(1);
        assertThat(instant(reclassifiedView.at("/sla/responseDueAt")))
                .isEqualTo(v1.responseDeadlines(Priority.CRITICAL, TUESDAY).dueAt());
        JsonNode newerView = get("operator", "/api/tickets/" + newer.ticketId()).json();
        assertThat(newerView.at("/sla/policy/version").asInt()).isEqualTo(2);
        assertThat(instant(newerView.at("/sla/responseDueAt")))
                .isEqualTo(v2.responseDeadlines(Priority.HIGH, TUESDAY.plus(Duration.ofHours(2))).dueAt())
                .isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(instant(newerView.at("/sla/updateDueAt")))
                .isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));

        List<UUID> tickets = List.of(older.ticketId(), olderReclassified.ticketId(), newer.ticketId());
        getAt("analyst", "/api/reports/backlog", last);
        List<Map<String, Object>> status = clocks("ticket_status", tickets);
        List<Map<String, Object>> reports = clocks("report_ticket", tickets);
        assertThat(status).hasSize(3).isEqualTo(reports);

        // The rows are spoiled before the rebuild, so that only a replay that computes them again restores them.
        for (String table : List.of("ticket_status", "report_ticket")) {
            jdbc.sql("UPDATE " + table + " SET response_due_at = '2000-01-01T00:00:00Z', sla_policy_version = 99"
                    + " WHERE ticket_id = ANY(:ids)").param("ids", tickets.toArray(UUID[]::new)).update();
        }
        assertThat(post("operator", "/api/admin/projections/" + ProcessingGroups.TICKET_STATUS + "/rebuild")
                .statusCode()).isEqualTo(202);
        assertThat(post("operator", "/api/admin/projections/" + ProcessingGroups.REPORTS + "/rebuild")
                .statusCode()).isEqualTo(202);
        awaitUntil("the rebuilt status rows equal the ones before", Duration.ofSeconds(60),
                () -> clocks("ticket_status", tickets).equals(status));
        awaitUntil("the rebuilt report rows equal the ones before", Duration.ofSeconds(60),
                () -> clocks("report_ticket", tickets).equals(reports));
        awaitUntil("the rebuilds end", Duration.ofSeconds(60),
                () -> !projection(ProcessingGroups.TICKET_STATUS).get("replaying").asBoolean()
                        && !projection(ProcessingGroups.REPORTS).get("replaying").asBoolean());
        assertThat(clocks("ticket_status", tickets)).isEqualTo(status);

        // The auditor's state as of an instant agrees with the live view.
        JsonNode asOf = get("auditor", "/api/audit/tickets/" + older.ticketId() + "/state?asOf="
                + TUESDAY.plus(Duration.ofHours(4))).json();
        assertThat(asOf.at("/sla/policy/version").asInt()).isEqualTo(1);
        assertThat(instant(asOf.at("/sla/responseDueAt"))).isEqualTo(instant(olderView.at("/sla/responseDueAt")));
        assertThat(instant(asOf.at("/sla/resolutionDueAt"))).isEqualTo(instant(olderView.at("/sla/resolutionDueAt")));
    }

    @Test
    void aTicketOpenedBeforePoliciesWereKeptIsMeasuredByVersionOneOfStandard() {
        TicketOpened unstamped = Tickets.opened("acme");
        long position = append(unstamped, OPERATOR, TUESDAY);
        JsonNode view = getAt("operator", "/api/tickets/" + unstamped.ticketId(), position).json();
        assertThat(view.at("/sla/policy/name").asText()).isEqualTo("standard");
        assertThat(view.at("/sla/policy/version").asInt()).isEqualTo(1);
        // the ledger holds no version of standard in these tests: the configured policy, which it is written from
        assertThat(instant(view.at("/sla/responseDueAt")))
                .isEqualTo(configured.responseDeadlines(Priority.HIGH, TUESDAY).dueAt());
        assertThat(instant(view.at("/sla/resolutionDueAt")))
                .isEqualTo(configured.resolutionDeadlines(Priority.HIGH, TUESDAY, Duration.ZERO).dueAt());
    }

    long deadLetters(String group, UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = :group"
                        + " AND sequence_identifier = :ticket")
                .param("group", group).param("ticket", ticket.toString()).query(Long.class).single();
    }

    @Test
    void aTicketNamingAVersionTheLedgerDoesNotHoldWaitsInTheDeadLettersUntilTheVersionIsWritten() {
        String policy = Policies.unique("missing");
        TicketOpened orphan = Tickets.opened("acme", Priority.HIGH, policy, 2);
        append(orphan, OPERATOR, TUESDAY);
        List<String> groups = List.of(ProcessingGroups.TICKET_STATUS, ProcessingGroups.REPORTS);
        awaitUntil("the opening is a dead letter of the status and report projections", Duration.ofSeconds(30),
                () -> groups.stream().allMatch(group -> deadLetters(group, orphan.ticketId()) > 0));
        assertThat(get("operator", "/api/tickets/" + orphan.ticketId()).status()).isEqualTo(404);

        appendPolicy(new SlaPolicyDefined(policy, 1, V1, null), TUESDAY);
        appendPolicy(new SlaPolicyDefined(policy, 2, V2, null), TUESDAY);
        for (String group : groups) {
            assertThat(post("operator", "/api/admin/projections/" + group + "/dead-letters/retry").statusCode())
                    .isEqualTo(200);
        }
        awaitUntil("the retries succeed", Duration.ofSeconds(30),
                () -> groups.stream().allMatch(group -> deadLetters(group, orphan.ticketId()) == 0));
        JsonNode view = get("operator", "/api/tickets/" + orphan.ticketId()).json();
        assertThat(view.at("/sla/policy/version").asInt()).isEqualTo(2);
        assertThat(instant(view.at("/sla/responseDueAt")))
                .isEqualTo(new SlaPolicy(V2).responseDeadlines(Priority.HIGH, TUESDAY).dueAt());
    }

    @Test
    void theDeskReadsEachPolicyItsVersionsAndTheirTerms() {
        String policy = Policies.unique("premium");
        appendPolicy(new SlaPolicyDefined(policy, 1, V1, "the first contract"), TUESDAY);
        long position = appendPolicy(new SlaPolicyDefined(policy, 2, V2, "shorter targets"),
                TUESDAY.plus(Duration.ofDays(1)));

        Answer one = getAt("ana", "/api/sla-policies/" + policy, position);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().at("/inForce/version").asInt()).isEqualTo(2);
        assertThat(one.json().at("/inForce/terms/priorities/HIGH/response").asText()).isEqualTo("2h");
        assertThat(one.json().at("/inForce/terms/autoAcceptAfter").asText()).isEqualTo("2d");
        assertThat(one.json().at("/inForce/definedBy").asText()).isEqualTo("operator");
        assertThat(one.json().path("versions")).hasSize(2);
        assertThat(one.json().at("/versions/0/version").asInt()).isEqualTo(1);
        assertThat(one.json().at("/versions/0/reason").asText()).isEqualTo("the first contract");
        assertThat(instant(one.json().at("/versions/1/definedAt"))).isEqualTo(TUESDAY.plus(Duration.ofDays(1)));

        JsonNode first = get("auditor", "/api/sla-policies/" + policy + "/versions/1").json();
        assertThat(first.at("/terms/priorities/HIGH/response").asText()).isEqualTo("8h");
        assertThat(first.at("/terms/calendars/office/days/0").asText()).isEqualTo("MONDAY");

        JsonNode all = get("analyst", "/api/sla-policies").json();
        JsonNode listed = null;
        for (JsonNode entry : all) {
            if (entry.path("name").asText().equals(policy)) {
                listed = entry;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void hostilePolicyReadsAreProblems() {
        String policy = Policies.unique("hostile");
        long position = appendPolicy(new SlaPolicyDefined(policy, 1, V1, null), TUESDAY);
        getAt("operator", "/api/sla-policies/" + policy, position);
        String versions = "/api/sla-policies/" + policy + "/versions/";
        assertProblem(versions + "many", 400);
        assertProblem(versions + "99999999999999999999", 400);
        assertProblem(versions + "1.5", 400);
        assertProblem(versions + "0", 404);
        assertProblem(versions + "-1", 404);
        assertProblem(versions + "2", 404);
        assertProblem("/api/sla-policies/" + Policies.unique("nobody"), 404);
        assertProblem("/api/sla-policies/" + Policies.unique("nobody") + "/versions/1", 404);
        assertProblem("/api/sla-policies/%27%20OR%201=1--", 404);
        assertProblem("/api/sla-policies?minPosition=soon", 400);
        assertThat(get("acme-1", "/api/sla-policies/" + policy).status()).isEqualTo(403);
    }

    void assertProblem(String path, int status) {
        Answer answer = get("operator", path);
        assertThat(answer.status()).as(path).isEqualTo(status);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }

    @Test
    void aClientReadsItsContractsPolicyVersionInForceWithItsTargets() {
        String policy = Policies.unique("contract");
        appendPolicy(new SlaPolicyDefined(policy, 1, V1, null), TUESDAY);
        appendPolicy(new SlaPolicyDefined(policy, 2, V2, null), TUESDAY.plus(Duration.ofDays(1)));
        String client = ClientsIT.unique("umbrella");
        appendClient(new ClientRegistered(client, "Umbrella", "en", "UTC"), Instant.now());
        long position = appendClient(new ContractSet(client, LocalDate.now().minusDays(1), LocalDate.now().plusDays(300),
                policy, false, false, null), Instant.now());
        get("operator", "/api/sla-policies/" + policy + "?minPosition=" + position);

        JsonNode contract = getAt("operator", "/api/clients/" + client, position).json().path("contract");
        assertThat(contract.path("slaPolicy").asText()).isEqualTo(policy);
        assertThat(contract.path("slaPolicyVersion").asInt()).isEqualTo(2);
        assertThat(contract.at("/targets/0/priority").asText()).isEqualTo("CRITICAL");
        assertThat(contract.at("/targets/0/response").asText()).isEqualTo("2h");
        assertThat(contract.at("/targets/0/update").asText()).isEqualTo("4h");
        assertThat(contract.path("targets")).hasSize(Priority.values().length);
    }

    @Test
    void anAutomaticAcceptanceNamesThePeriodOfTheTicketsOwnVersion() {
        String policy = Policies.unique("quick");
        appendPolicy(new SlaPolicyDefined(policy, 1, V2, null), TUESDAY.minus(Duration.ofDays(1)));
        TicketOpened opened = Tickets.opened("acme", Priority.HIGH, policy, 1);
        append(opened, OPERATOR, TUESDAY);
        append(new TicketAssigned(opened.ticketId(), "ana", null, SupportLevel.L1), OPERATOR,
                TUESDAY.plusSeconds(60));
        append(new TicketPendingClosure(opened.ticketId(), "restarted", Instant.parse("2026-11-26T10:02:00Z"),
                Instant.parse("2026-11-25T10:02:00Z")), ANA, TUESDAY.plusSeconds(120));
        long last = appendByTheLedger(new ClosureAccepted(opened.ticketId(), null, true),
                Instant.parse("2026-11-26T10:02:00Z"));
        JsonNode entry = getAt("operator", "/api/tickets/" + opened.ticketId() + "/history", last).json().get(3);
        assertThat(entry.get("summary").asText())
                .isEqualTo("Closed: accepted automatically by the ledger (no answer within 2 business days)");
        assertThat(entry.at("/details/acceptancePeriod").asText()).isEqualTo("2d");
    }

    @Test
    void aPolicyWhoseHolidaysRanOutIsAHealthDetailAndTheSideStaysUp() {
        String ranOut = Policies.unique("noholidays");
        String listed = Policies.unique("holidays");
        appendPolicy(new SlaPolicyDefined(ranOut, 1, Policies.terms("4h", "2d", "1d", "5d",
                List.of(LocalDate.of(2020, 1, 1))), null), TUESDAY);
        long position = appendPolicy(new SlaPolicyDefined(listed, 1, V1, null), TUESDAY);
        getAt("operator", "/api/sla-policies/" + listed, position);
        getAt("operator", "/api/sla-policies/" + ranOut, position);

        Answer health = management("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/slaPolicies/status").asText()).isEqualTo("UP");
        int year = LocalDate.now().getYear();
        assertThat(health.json().at("/components/slaPolicies/details/" + ranOut).asText())
                .isEqualTo("v1: holidays run out: office has no holiday in " + year + "; office has no holiday in "
                        + (year + 1));
        assertThat(health.json().at("/components/slaPolicies/details/" + listed).asText())
                .isEqualTo("v1: holidays listed");
        // the ledger of these tests holds no standard: its configured policy, which older tickets are measured by
        assertThat(health.json().at("/components/slaPolicies/details/standard").asText()).startsWith("v1: holidays");
    }
}
