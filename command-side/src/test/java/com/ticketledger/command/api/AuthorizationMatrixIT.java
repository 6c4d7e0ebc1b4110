package com.ticketledger.command.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md's "who" column for every command, as a table: each cell is a user (every role, a client of the
 * ticket's organisation and one of another) and the status that user must get on a fresh ticket in a state
 * where the command is allowed. 2xx means allowed; 403 a role that may not; 404 another organisation's
 * ticket; 401 no credentials.
 */
class AuthorizationMatrixIT extends CommandSideIT {

    static final List<String> USERS = List.of("operator", "ana", "bruno", "carla", "acme-1", "globex-1", "auditor",
            "analyst", "(none)");

    /** One command: how to prepare its ticket, its path and body, and the expected status per user. */
    record Command(String name, Supplier<UUID> ticket, String pathSuffix, String body, Map<String, Integer> expected) {
    }

    static Map<String, Integer> row(int... statuses) {
        Map<String, Integer> row = new LinkedHashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            row.put(USERS.get(i), statuses[i]);
        }
        return row;
    }

    UUID open() {
        return openTicket("operator", "acme");
    }

    UUID pendingClosure() {
        UUID ticket = assignedTicket();
        post("ana", "/api/tickets/" + ticket + "/pending-closure", "{\"resolution\":\"done\"}");
        return ticket;
    }

    @Test
    void everyCommandAnswersEveryUserAsTheContractSays() {
        //                                              operator ana bruno carla acme-1 globex-1 auditor analyst none
        List<Command> matrix = List.of(
                new Command("open", () -> null, null, openBody("acme"), row(201, 201, 201, 201, 201, 403, 403, 403, 401)),
                new Command("assign", this::open, "/assignment", "{\"engineer\":\"ana\"}",
                        row(200, 200, 200, 200, 403, 404, 403, 403, 401)),
                new Command("note", this::open, "/notes", "{\"text\":\"hello\"}",
                        row(200, 200, 200, 200, 200, 404, 403, 403, 401)),
                // assigned to ana: only ana or an OPERATOR may escalate it or mark it pending closure
                new Command("escalate", this::assignedTicket, "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"r\"}",
                        row(200, 200, 403, 403, 403, 404, 403, 403, 401)),
                new Command("pending closure", this::assignedTicket, "/pending-closure", "{\"resolution\":\"r\"}",
                        row(200, 200, 403, 403, 403, 404, 403, 403, 401)),
                new Command("accept", this::pendingClosure, "/acceptance", "{\"comment\":\"ok\"}",
                        row(403, 403, 403, 403, 200, 404, 403, 403, 401)),
                new Command("reopen", this::pendingClosure, "/reopening", "{\"reason\":\"no\"}",
                        row(403, 403, 403, 403, 200, 404, 403, 403, 401)),
                new Command("reclassify", this::open, "/classification", "{\"priority\":\"LOW\",\"reason\":\"r\"}",
                        row(200, 200, 200, 200, 403, 404, 403, 403, 401)),
                // a client withdraws its own; the desk cancels: an OPERATOR, or the engineer it is assigned to
                new Command("withdraw", this::assignedTicket, "/cancellation",
                        "{\"reason\":\"WITHDRAWN\",\"note\":\"n\"}", row(200, 200, 403, 403, 200, 404, 403, 403, 401)),
                new Command("cancel", this::assignedTicket, "/cancellation",
                        "{\"reason\":\"OUT_OF_SCOPE\",\"note\":\"n\"}", row(200, 200, 403, 403, 403, 404, 403, 403, 401)));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Command command : matrix) {
            for (Map.Entry<String, Integer> cell : command.expected().entrySet()) {
                UUID ticket = command.ticket().get();
                String path = ticket == null ? "/api/tickets" : "/api/tickets/" + ticket + command.pathSuffix();
                String user = cell.getKey().equals("(none)") ? null : cell.getKey();
                long before = ticket == null ? eventCount() : eventCount(ticket);
                Answer answer = post(user, path, command.body());
                cells++;
                if (answer.status() != cell.getValue()) {
                    wrong.add(command.name() + " by " + cell.getKey() + ": " + answer.status() + " (expected "
                            + cell.getValue() + ") " + answer.body());
                }
                long after = ticket == null ? eventCount() : eventCount(ticket);
                if (answer.status() >= 400 && after != before) {
                    wrong.add(command.name() + " by " + cell.getKey() + " was refused but wrote an event");
                }
            }
        }
        assertThat(cells).isEqualTo(90);
        assertThat(wrong).isEmpty();
    }

    /** The client register is the desk's: an OPERATOR changes it, nobody else; a refusal writes nothing. */
    @Test
    void theClientRegisterAnswersEveryUserAsTheContractSays() {
        //                                operator ana bruno carla acme-1 globex-1 auditor analyst none
        Map<String, Integer> register = row(201, 403, 403, 403, 403, 403, 403, 403, 401);
        Map<String, Integer> change = row(200, 403, 403, 403, 403, 403, 403, 403, 401);
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            String who = user.equals("(none)") ? null : user;
            String client = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            long before = eventCount();
            Answer registered = post(who, "/api/clients", "{\"clientId\":\"" + client
                    + "\",\"name\":\"M\",\"language\":\"en\",\"timeZone\":\"UTC\"}");
            check(wrong, "register by " + user, registered, register.get(user), before);
            registerClient(client, null, null);
            before = eventCount();
            check(wrong, "contract by " + user, put(who, "/api/clients/" + client + "/contract",
                    "{\"from\":\"2026-01-01\",\"to\":\"2099-12-31\",\"slaPolicy\":\"standard\"}"), change.get(user),
                    before);
            before = eventCount();
            check(wrong, "contacts by " + user, put(who, "/api/clients/" + client + "/contacts",
                    "{\"representatives\":[]}"), change.get(user), before);
        }
        assertThat(wrong).isEmpty();
    }

    /** The SLA policies are the desk's: an OPERATOR defines and changes them, nobody else; a refusal writes nothing. */
    @Test
    void slaPoliciesAnswerEveryUserAsTheContractSays() {
        //                              operator ana bruno carla acme-1 globex-1 auditor analyst none
        Map<String, Integer> define = row(201, 403, 403, 403, 403, 403, 403, 403, 401);
        Map<String, Integer> change = row(200, 403, 403, 403, 403, 403, 403, 403, 401);
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            String who = user.equals("(none)") ? null : user;
            String policy = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            long before = eventCount();
            check(wrong, "define by " + user, post(who, "/api/sla-policies", policyDefinition(policy)),
                    define.get(user), before);
            if (!user.equals("operator")) {
                post("operator", "/api/sla-policies", policyDefinition(policy));
            }
            before = eventCount();
            check(wrong, "change by " + user, put(who, "/api/sla-policies/" + policy,
                    "{\"terms\":" + policyTerms("4d") + "}"), change.get(user), before);
        }
        assertThat(wrong).isEmpty();
    }

    private void check(List<String> wrong, String what, Answer answer, int expected, long eventsBefore) {
        if (answer.status() != expected) {
            wrong.add(what + ": " + answer.status() + " (expected " + expected + ") " + answer.body());
        }
        if (answer.status() >= 400 && eventCount() != eventsBefore) {
            wrong.add(what + " was refused but wrote an event");
        }
    }

    /** An attachment is answered as a note is: PUBLIC for everyone who may add notes, INTERNAL for the desk only. */
    @Test
    void attachmentsAnswerEveryUserAsNotesDo() {
        //                                                   operator ana bruno carla acme-1 globex-1 auditor analyst none
        Map<String, Map<String, Integer>> matrix = Map.of(
                "PUBLIC", row(200, 200, 200, 200, 200, 404, 403, 403, 401),
                "INTERNAL", row(200, 200, 200, 200, 403, 404, 403, 403, 401));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Map<String, Integer>> visibility : matrix.entrySet()) {
            for (Map.Entry<String, Integer> cell : visibility.getValue().entrySet()) {
                UUID ticket = open();
                String user = cell.getKey().equals("(none)") ? null : cell.getKey();
                long events = eventCount(ticket);
                long blobs = blobCount();
                Answer answer = postMultipart(user, "/api/tickets/" + ticket + "/attachments", List.of(
                        Part.file("screen.txt", ("error " + UUID.randomUUID()).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)),
                        Part.field("visibility", visibility.getKey())));
                cells++;
                if (answer.status() != cell.getValue()) {
                    wrong.add(visibility.getKey() + " attachment by " + cell.getKey() + ": " + answer.status()
                            + " (expected " + cell.getValue() + ") " + answer.body());
                }
                if (answer.status() >= 400 && (eventCount(ticket) != events || blobCount() != blobs)) {
                    wrong.add(visibility.getKey() + " attachment by " + cell.getKey() + " was refused but wrote");
                }
            }
        }
        assertThat(cells).isEqualTo(18);
        assertThat(wrong).isEmpty();
    }

    /**
     * Take next: only an ENGINEER of the queue's level (nobody for VENDOR). Each level's queue holds a ticket, so an
     * allowed cell answers 201; a refusal comes before the queue is looked at, and writes nothing.
     */
    @Test
    void takeNextAnswersEveryUserAsTheContractSays() {
        //                                    operator ana bruno carla acme-1 globex-1 auditor analyst none
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        matrix.put("L1", row(403, 201, 403, 403, 403, 403, 403, 403, 401));
        matrix.put("L2", row(403, 403, 201, 403, 403, 403, 403, 403, 401));
        matrix.put("L3", row(403, 403, 403, 201, 403, 403, 403, 403, 401));
        matrix.put("VENDOR", row(403, 403, 403, 403, 403, 403, 403, 403, 401));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Map<String, Integer>> queue : matrix.entrySet()) {
            for (Map.Entry<String, Integer> cell : queue.getValue().entrySet()) {
                waitingAt(queue.getKey());
                String user = cell.getKey().equals("(none)") ? null : cell.getKey();
                long before = eventCount();
                Answer answer = post(user, "/api/queues/" + queue.getKey() + "/next", null);
                cells++;
                if (answer.status() != cell.getValue()) {
                    wrong.add("take next from " + queue.getKey() + " by " + cell.getKey() + ": " + answer.status()
                            + " (expected " + cell.getValue() + ") " + answer.body());
                }
                if (answer.status() >= 400 && eventCount() != before) {
                    wrong.add("take next from " + queue.getKey() + " by " + cell.getKey() + " was refused but wrote");
                }
            }
        }
        assertThat(cells).isEqualTo(36);
        assertThat(wrong).isEmpty();
    }

    /** A ticket waiting in the level's queue (for VENDOR, whose queue stays empty, one at L3 will do). */
    void waitingAt(String level) {
        UUID ticket = open();
        if (level.equals("L1")) {
            return;
        }
        post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}");
        post("operator", "/api/tickets/" + ticket + "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"r\"}");
        if (!level.equals("L2")) {
            post("operator", "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"bruno\"}");
            post("operator", "/api/tickets/" + ticket + "/escalation", "{\"toLevel\":\"L3\",\"reason\":\"r\"}");
        }
    }

    /**
     * Monitoring is the operator's: on the main port metrics and Prometheus do not exist for any desk user (404
     * once logged in, 401 without credentials); on the management port they answer without credentials.
     */
    @Test
    void metricsAnswerOnTheManagementPortOnly() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics")) {
            for (String cell : USERS) {
                String user = cell.equals("(none)") ? null : cell;
                int expected = user == null ? 401 : 404;
                Answer answer = get(user, path);
                if (answer.status() != expected || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(path + " by " + cell + ": " + answer.status() + " " + answer.contentType());
                }
            }
            assertThat(management(path).status()).as(path).isEqualTo(200);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The privacy officer erases a data subject, and nobody else may; the privacy officer issues no ticket
     * command. A refusal writes nothing.
     */
    @Test
    void onlyThePrivacyOfficerErasesAndTheyIssueNoTicketCommand() {
        List<String> wrong = new ArrayList<>();
        String erasure = "{\"email\":\"nobody@acme.example\",\"reason\":\"matrix\"}";
        for (String cell : USERS) {
            String user = cell.equals("(none)") ? null : cell;
            long before = eventCount();
            Answer answer = post(user, "/api/privacy/subjects/erasure", erasure);
            int expected = user == null ? 401 : 403;
            if (answer.status() != expected || eventCount() != before) {
                wrong.add("erasure by " + cell + ": " + answer.status() + " (expected " + expected + ")");
            }
        }
        assertThat(post("dpo", "/api/privacy/subjects/erasure", erasure).status()).isEqualTo(200);

        UUID ticket = assignedTicket();
        long before = eventCount();
        for (String[] command : new String[][] {{"/api/tickets", openBody("acme")},
                {"/api/tickets/" + ticket + "/notes", "{\"text\":\"hello\"}"},
                {"/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}"},
                {"/api/tickets/" + ticket + "/cancellation", "{\"reason\":\"OUT_OF_SCOPE\",\"note\":\"n\"}"},
                {"/api/queues/L1/next", null}}) {
            Answer answer = post("dpo", command[0], command[1]);
            if (answer.status() != 403) {
                wrong.add("dpo " + command[0] + ": " + answer.status() + " " + answer.body());
            }
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(wrong).isEmpty();
    }
}
