package com.ticketledger.query;

import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.events.CancellationReason;
import com.ticketledger.events.SlaPolicyDefined;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.checkpoint.Checkpointer;
import com.ticketledger.store.AttachmentBlobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md's "who" column for every read, as a table of expected statuses per user, on a ticket of
 * organisation acme: 200 allowed, 403 a role that may not, 404 another organisation's ticket, 401 no
 * credentials.
 */
class AuthorizationMatrixIT extends QuerySideIT {

    static final List<String> USERS = List.of("operator", "ana", "acme-1", "globex-1", "auditor", "analyst", "(none)");

    @Autowired
    Checkpointer checkpointer;

    static Map<String, Integer> row(int... statuses) {
        Map<String, Integer> row = new LinkedHashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            row.put(USERS.get(i), statuses[i]);
        }
        return row;
    }

    int call(String method, String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyReadAnswersEveryUserAsTheContractSays() throws Exception {
        TicketOpened ticket = Tickets.opened("acme");
        long position = append(ticket, ACME_CLIENT, Instant.now());
        getAt("operator", "/api/tickets/" + ticket.ticketId(), position);
        // A ticket of the same organisation closed as a duplicate of it: read as any other ticket of acme.
        TicketOpened duplicate = Tickets.opened("acme");
        append(duplicate, ACME_CLIENT, Instant.now());
        position = append(new TicketCancelled(duplicate.ticketId(), duplicate.number(), "acme",
                CancellationReason.DUPLICATE, ticket.ticketId(), ticket.number(), "same", TicketStatus.OPEN, null),
                OPERATOR, Instant.now());
        getAt("operator", "/api/tickets/" + ticket.ticketId(), position);
        getAt("operator", "/api/tickets/" + ticket.ticketId() + "/history", position);
        String id = ticket.ticketId().toString();
        String cancelled = duplicate.ticketId().toString();
        getAt("operator", "/api/clients/acme", registeredClient("acme"));
        String policy = Policies.unique("matrix");
        getAt("operator", "/api/sla-policies/" + policy, appendPolicy(new SlaPolicyDefined(policy, 1,
                Policies.terms("4h", "2d", "1d", "5d", Policies.holidaysAhead()), null), Instant.now()));

        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        //                                                        operator ana acme-1 globex-1 auditor analyst none
        matrix.put("GET /api/tickets/" + id, row(200, 200, 200, 404, 200, 200, 401));
        matrix.put("GET /api/tickets", row(200, 200, 200, 200, 200, 200, 401));
        matrix.put("GET /api/tickets/by-number/" + ticket.number(), row(200, 200, 200, 404, 200, 200, 401));
        matrix.put("GET /api/tickets?q=vpn", row(200, 200, 200, 200, 200, 200, 401));
        matrix.put("GET /api/tickets/" + id + "/history", row(200, 200, 200, 404, 200, 200, 401));
        matrix.put("GET /api/tickets/" + cancelled, row(200, 200, 200, 404, 200, 200, 401));
        matrix.put("GET /api/tickets/" + cancelled + "/history", row(200, 200, 200, 404, 200, 200, 401));
        matrix.put("GET /api/tickets?status=CANCELLED", row(200, 200, 200, 200, 200, 200, 401));
        matrix.put("GET /api/queues/L1", row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/queues/engineers/ana", row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/sla/breaches?state=AT_RISK", row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/audit/tickets/" + id + "/events", row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/audit/tickets/" + id + "/verify", row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/audit/tickets/" + id + "/state?asOf=" + Instant.now(), row(403, 403, 403, 403, 200, 403, 401));
        // The ledger's checkpoints and proofs: the ticket's opening is in a checkpoint first.
        awaitUntil("a checkpoint holds the ticket", Duration.ofSeconds(20), () -> {
            checkpointer.checkpoint();
            return jdbc.sql("SELECT count(*) FROM ledger_tree_leaf l JOIN domain_event_entry e USING (global_index)"
                    + " WHERE e.aggregate_identifier = :t").param("t", id).query(Long.class).single() > 0;
        });
        matrix.put("GET /api/audit/ledger/checkpoints/latest", row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/audit/ledger/checkpoints?from=1", row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/audit/ledger/public-key", row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/audit/tickets/" + id + "/events/0/proof", row(403, 403, 403, 403, 200, 403, 401));
        long treeSize = jdbc.sql("SELECT max(tree_size) FROM ledger_checkpoint").query(Long.class).single();
        matrix.put("GET /api/audit/ledger/consistency?from=" + treeSize, row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/audit/ledger/verify", row(403, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/reports/sla", row(403, 403, 403, 403, 200, 200, 401));
        matrix.put("GET /api/reports/backlog", row(403, 403, 403, 403, 200, 200, 401));
        matrix.put("GET /api/notifications", row(200, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/notifications?ticketId=" + id, row(200, 403, 403, 403, 200, 403, 401));
        matrix.put("GET /api/admin/projections", row(200, 403, 403, 403, 200, 200, 401));
        matrix.put("POST /api/admin/projections/reports/rebuild", row(202, 403, 403, 403, 403, 202, 401));
        // an operator may rebuild any projection (an unknown one is a 404); an analyst only the reporting ones
        matrix.put("POST /api/admin/projections/nonsense/rebuild", row(404, 403, 403, 403, 403, 403, 401));
        matrix.put("GET /api/admin/projections/ticket-status/dead-letters", row(200, 403, 403, 403, 200, 200, 401));
        matrix.put("POST /api/admin/projections/ticket-status/dead-letters/retry", row(200, 403, 403, 403, 403, 403, 401));
        matrix.put("DELETE /api/admin/projections/ticket-status/dead-letters/" + UUID.randomUUID(),
                row(404, 403, 403, 403, 403, 403, 401));
        matrix.put("GET /api/me", row(200, 200, 200, 200, 200, 200, 401));
        matrix.put("GET /api/engineers", row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/clients/acme", row(200, 200, 200, 404, 200, 200, 401));
        matrix.put("GET /api/clients", row(200, 200, 200, 200, 200, 200, 401));
        matrix.put("GET /api/reports/contracts-ending?days=30", row(200, 200, 403, 403, 200, 200, 401));
        // the SLA policies: the desk, auditors and analysts; a client reads its own contract's targets instead
        matrix.put("GET /api/sla-policies", row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/sla-policies/" + policy, row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/sla-policies/" + policy + "/versions/1", row(200, 200, 403, 403, 200, 200, 401));
        matrix.put("GET /api/sla-policies/" + policy + "/versions/2", row(404, 404, 403, 403, 404, 404, 401));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Map<String, Integer>> endpoint : matrix.entrySet()) {
            String[] request = endpoint.getKey().split(" ", 2);
            for (Map.Entry<String, Integer> cell : endpoint.getValue().entrySet()) {
                String user = cell.getKey().equals("(none)") ? null : cell.getKey();
                int status = call(request[0], user, request[1]);
                cells++;
                if (status != cell.getValue()) {
                    wrong.add(endpoint.getKey() + " by " + cell.getKey() + ": " + status + " (expected " + cell.getValue() + ")");
                }
            }
        }
        assertThat(cells).isEqualTo(matrix.size() * USERS.size());
        assertThat(wrong).isEmpty();
    }

    @Autowired
    AttachmentBlobs blobs;

    /** A download is answered as the history is: a client reads its organisation's PUBLIC attachments only. */
    @Test
    void attachmentDownloadsAnswerEveryUserAsTheHistoryDoes() throws Exception {
        TicketOpened ticket = Tickets.opened("acme");
        append(ticket, ACME_CLIENT, Instant.now());
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        long position = 0;
        for (Visibility visibility : Visibility.values()) {
            byte[] content = ("trace " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            String sha256 = AttachmentBlobs.sha256(content);
            transactions.executeWithoutResult(status -> blobs.keep(sha256, content));
            UUID attachment = UUID.randomUUID();
            position = append(new AttachmentAdded(ticket.ticketId(), attachment, "trace.txt",
                    "text/plain", content.length, sha256, visibility), ANA, Instant.now());
            //                                                   operator ana acme-1 globex-1 auditor analyst none
            matrix.put("GET /api/tickets/" + ticket.ticketId() + "/attachments/" + attachment, visibility
                    == Visibility.PUBLIC ? row(200, 200, 200, 404, 200, 200, 401)
                    : row(200, 200, 404, 404, 200, 200, 401));
        }
        getAt("operator", "/api/tickets/" + ticket.ticketId() + "/history", position);

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> endpoint : matrix.entrySet()) {
            String[] request = endpoint.getKey().split(" ", 2);
            for (Map.Entry<String, Integer> cell : endpoint.getValue().entrySet()) {
                String user = cell.getKey().equals("(none)") ? null : cell.getKey();
                int status = call(request[0], user, request[1]);
                if (status != cell.getValue()) {
                    wrong.add(endpoint.getKey() + " by " + cell.getKey() + ": " + status + " (expected " + cell.getValue() + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void badQueryParametersAreCleanBadRequests() {
        for (String path : List.of("/api/tickets?status=SLEEPING", "/api/tickets?priority=1", "/api/tickets?limit=abc",
                "/api/tickets?cursor=%00%00", "/api/tickets?minPosition=1e9", "/api/tickets/not-a-uuid",
                "/api/queues/L7", "/api/queues/L1?cursor=" + "A".repeat(500), "/api/sla/breaches?state=MET",
                "/api/sla/breaches?state=%3Cscript%3E",
                "/api/notifications?kind=SMOKE_SIGNAL", "/api/notifications?status=LOST",
                "/api/notifications?ticketId=42", "/api/notifications?limit=0")) {
            Answer answer = get("operator", path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.response().body()).as(path).doesNotContain("Exception");
        }
        for (String path : List.of("/api/tickets?stauts=OPEN", "/api/tickets?status=OPEN&clientid=globex",
                "/api/queues/L1?order=newest", "/api/reports/backlog?format=csv", "/api/tickets?%3Cscript%3E=1",
                "/api/notifications?recipient=ana@desk.example")) {
            Answer answer = get("auditor", path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(get("auditor", "/api/tickets?stauts=OPEN").json().get("errors").get(0).get("field").asText())
                .isEqualTo("stauts");
        long position = append(Tickets.opened("acme"), ACME_CLIENT, Instant.now());
        assertThat(get("auditor", "/api/tickets?status=OPEN&minPosition=" + position).status())
                .as("minPosition is a parameter of every read of a projection").isEqualTo(200);
        for (String path : List.of("/api/audit/tickets/00000000-0000-0000-0000-000000000000/state?asOf=%27%20OR%201=1",
                "/api/audit/tickets/x/events")) {
            assertThat(get("auditor", path).status()).as(path).isEqualTo(400);
        }
    }

    /**
     * A data subject's data is the privacy officer's to read, and nobody else's; the privacy officer reads tickets
     * as the desk does and nothing else.
     */
    @Test
    void onlyThePrivacyOfficerReadsADataSubject() throws Exception {
        TicketOpened ticket = Tickets.opened("acme");
        long position = append(ticket, ACME_CLIENT, Instant.now());
        getAt("operator", "/api/tickets/" + ticket.ticketId() + "/history", position);
        List<String> wrong = new ArrayList<>();
        String subject = "/api/privacy/subjects?email=marta@acme.example";
        for (String cell : USERS) {
            String user = cell.equals("(none)") ? null : cell;
            int expected = user == null ? 401 : 403;
            if (call("GET", user, subject) != expected) {
                wrong.add("GET " + subject + " by " + cell);
            }
        }
        Map<String, Integer> dpo = new LinkedHashMap<>();
        dpo.put("GET " + subject, 200);
        dpo.put("GET /api/tickets/" + ticket.ticketId(), 200);
        dpo.put("GET /api/tickets/" + ticket.ticketId() + "/history", 200);
        dpo.put("GET /api/me", 200);
        dpo.put("GET /api/queues/L1", 403);
        dpo.put("GET /api/sla/breaches", 403);
        dpo.put("GET /api/audit/tickets/" + ticket.ticketId() + "/events", 403);
        dpo.put("GET /api/reports/backlog", 403);
        dpo.put("GET /api/admin/projections", 403);
        dpo.put("POST /api/admin/projections/reports/rebuild", 403);
        dpo.put("POST /api/privacy/subjects/erasure", 403);
        for (Map.Entry<String, Integer> cell : dpo.entrySet()) {
            String[] request = cell.getKey().split(" ", 2);
            int status = call(request[0], "dpo", request[1]);
            if (status != cell.getValue()) {
                wrong.add(cell.getKey() + " by dpo: " + status + " (expected " + cell.getValue() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }
}
