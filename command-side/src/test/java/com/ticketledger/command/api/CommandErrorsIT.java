package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error status of docs/api.md: a problem+json answer with type, title, status and detail (field errors for a
 * 400), no stack trace, and nothing written to the ledger.
 */
class CommandErrorsIT extends CommandSideIT {

    /** Sends the request and checks the answer is the given problem and that the ledger did not change. */
    JsonNode problem(int status, Supplier<Answer> request) {
        long before = eventCount();
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
        assertThat(eventCount()).as("nothing is written").isEqualTo(before);
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            assertThat(error.get("message").asText()).isNotBlank();
            fields.add(error.get("field").asText());
        });
        return fields;
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        JsonNode problem = problem(400, () -> post("operator", "/api/tickets", "{\"clientId\":\"acme\"}"));
        assertThat(fields(problem)).contains("type", "priority", "title", "description", "reporter");
    }

    @Test
    void reporterNeedsAnEmailOrAPhone() {
        String body = openBody("acme").replace(",\"email\":\"marta@acme.example\"", "");
        JsonNode problem = problem(400, () -> post("operator", "/api/tickets", body));
        assertThat(fields(problem)).containsExactly("reporter.email");
    }

    @Test
    void titleOverTwoHundredCharactersIsRefused() {
        String body = openBody("acme").replace("\"VPN down\"", "\"" + "x".repeat(201) + "\"");
        assertThat(fields(problem(400, () -> post("operator", "/api/tickets", body)))).containsExactly("title");
    }

    @Test
    void noteOverTenThousandCharactersIsRefused() {
        UUID ticket = openTicket("operator", "acme");
        String body = "{\"text\":\"" + "n".repeat(10_001) + "\"}";
        assertThat(fields(problem(400, () -> post("ana", "/api/tickets/" + ticket + "/notes", body))))
                .containsExactly("text");
    }

    @Test
    void controlCharactersInTextAreRefused() {
        String body = openBody("acme").replace("\"VPN down\"", "\"VPN\\u0000down\"");
        assertThat(fields(problem(400, () -> post("operator", "/api/tickets", body)))).containsExactly("title");
    }

    @Test
    void unknownEnumValueIsRefusedWithTheAllowedValues() {
        String body = openBody("acme").replace("\"HIGH\"", "\"URGENT\"");
        JsonNode problem = problem(400, () -> post("operator", "/api/tickets", body));
        assertThat(fields(problem)).containsExactly("priority");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("CRITICAL", "LOW");
    }

    @Test
    void wrongTypeIsRefused() {
        String body = openBody("acme").replace("\"affectedUsers\":40", "\"affectedUsers\":\"many\"");
        assertThat(fields(problem(400, () -> post("operator", "/api/tickets", body)))).containsExactly("affectedUsers");
    }

    @Test
    void negativeAffectedUsersIsRefused() {
        String body = openBody("acme").replace("\"affectedUsers\":40", "\"affectedUsers\":-1");
        assertThat(fields(problem(400, () -> post("operator", "/api/tickets", body)))).containsExactly("affectedUsers");
    }

    @Test
    void malformedJsonIsRefused() {
        JsonNode problem = problem(400, () -> post("operator", "/api/tickets", "{\"clientId\": \"acme\","));
        assertThat(problem.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        UUID ticket = openTicket("operator", "acme");
        problem(400, () -> postBytes("ana", "/api/tickets/" + ticket + "/notes", body, "application/json"));
    }

    @Test
    void bodyOverSixtyFourKibibytesIsRefused() {
        String body = "{\"text\":\"" + "b".repeat(70 * 1024) + "\"}";
        UUID ticket = openTicket("operator", "acme");
        JsonNode problem = problem(400, () -> post("ana", "/api/tickets/" + ticket + "/notes", body));
        assertThat(problem.get("detail").asText()).contains("65536 bytes");
    }

    @Test
    void missingBodyIsRefused() {
        UUID ticket = openTicket("operator", "acme");
        problem(400, () -> post("ana", "/api/tickets/" + ticket + "/notes", null));
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() {
        UUID ticket = openTicket("operator", "acme");
        problem(415, () -> postBytes("ana", "/api/tickets/" + ticket + "/notes",
                "text=hello".getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    @Test
    void noCredentialsIsUnauthorized() {
        Answer answer = post(null, "/api/tickets", openBody("acme"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        problem(401, () -> post(null, "/api/tickets", openBody("acme")));
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        problem(401, () -> postBytes(null, "/api/tickets", openBody("acme").getBytes(StandardCharsets.UTF_8),
                "application/json", "Authorization", basic("operator", "not-the-password")));
    }

    @Test
    void roleThatMayNotIssueTheCommandIsForbidden() {
        problem(403, () -> post("auditor", "/api/tickets", openBody("acme")));
        UUID ticket = assignedTicket();
        problem(403, () -> post("bruno", "/api/tickets/" + ticket + "/escalation",
                "{\"toLevel\":\"L2\",\"reason\":\"x\"}"));
        problem(403, () -> post("analyst", "/api/tickets/" + ticket + "/notes", "{\"text\":\"x\"}"));
    }

    @Test
    void clientMayNotOpenForAnotherOrganisation() {
        problem(403, () -> post("globex-1", "/api/tickets", openBody("acme")));
    }

    @Test
    void clientMayNotAddAnInternalNote() {
        UUID ticket = openTicket("acme-1", "acme");
        problem(403, () -> post("acme-1", "/api/tickets/" + ticket + "/notes",
                "{\"text\":\"x\",\"visibility\":\"INTERNAL\"}"));
    }

    @Test
    void aPathTheFirewallRefusesIsABadRequestProblem() {
        for (String path : List.of("/api/tickets/%2e%2e/notes", "/api/tickets/x;y/notes", "/api/tickets/a%2Fb/notes")) {
            JsonNode problem = problem(400, () -> post("ana", path, "{\"text\":\"hi\"}"));
            assertThat(problem.get("type").asText()).as(path).endsWith("rejected-request");
        }
    }

    @Test
    void unknownTicketIsNotFound() {
        JsonNode problem = problem(404, () -> post("ana", "/api/tickets/" + UUID.randomUUID() + "/notes",
                "{\"text\":\"anyone?\"}"));
        assertThat(problem.get("type").asText()).endsWith("ticket-not-found");
    }

    @Test
    void anotherOrganisationsTicketIsNotFound() {
        UUID ticket = openTicket("acme-1", "acme");
        JsonNode problem = problem(404, () -> post("globex-1", "/api/tickets/" + ticket + "/notes",
                "{\"text\":\"peek\"}"));
        assertThat(problem.get("detail").asText()).isEqualTo("no ticket " + ticket);
    }

    @Test
    void ticketIdThatIsNotAUuidIsABadRequest() {
        problem(400, () -> post("ana", "/api/tickets/not-a-uuid/notes", "{\"text\":\"x\"}"));
    }

    @Test
    void refusedTransitionIsAConflictNamingTheState() {
        UUID ticket = openTicket("operator", "acme");
        JsonNode problem = problem(409, () -> post("acme-1", "/api/tickets/" + ticket + "/acceptance", null));
        assertThat(problem.get("detail").asText()).contains("is OPEN", "allowed now: an assignment, a note, an attachment, a reclassification or a cancellation");
    }

    @Test
    void escalationThatSkipsALevelIsAConflict() {
        UUID ticket = assignedTicket();
        JsonNode problem = problem(409, () -> post("ana", "/api/tickets/" + ticket + "/escalation",
                "{\"toLevel\":\"L3\",\"reason\":\"hurry\"}"));
        assertThat(problem.get("detail").asText()).contains("only to L2");
    }

    @Test
    void escalationToVendorWithoutCaseReferenceIsABadRequest() {
        UUID ticket = assignedTicket();
        assertThat(fields(problem(400, () -> post("ana", "/api/tickets/" + ticket + "/escalation",
                "{\"toLevel\":\"VENDOR\",\"reason\":\"vendor\"}")))).containsExactly("vendorCaseRef");
    }

    @Test
    void escalationToL1IsABadRequest() {
        UUID ticket = assignedTicket();
        assertThat(fields(problem(400, () -> post("ana", "/api/tickets/" + ticket + "/escalation",
                "{\"toLevel\":\"L1\",\"reason\":\"down\"}")))).containsExactly("toLevel");
    }

    @Test
    void assignmentToSomeoneWhoIsNotAnEngineerIsABadRequest() {
        UUID ticket = openTicket("operator", "acme");
        assertThat(fields(problem(400, () -> post("operator", "/api/tickets/" + ticket + "/assignment",
                "{\"engineer\":\"acme-1\"}")))).containsExactly("engineer");
    }

    @Test
    void staleIfMatchIsAFailedPrecondition() {
        UUID ticket = assignedTicket();
        JsonNode problem = problem(412, () -> post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"x\"}",
                "If-Match", "\"0\""));
        assertThat(problem.get("detail").asText()).contains("is at version 1, not at version 0");
    }

    @Test
    void currentIfMatchIsApplied() {
        UUID ticket = assignedTicket();
        Answer answer = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"x\"}", "If-Match", "\"1\"");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).contains("\"2\"");
    }

    @Test
    void malformedIfMatchIsABadRequest() {
        UUID ticket = assignedTicket();
        assertThat(fields(problem(400, () -> post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":\"x\"}",
                "If-Match", "version-one")))).containsExactly("If-Match");
    }

    @Test
    void overLongIdempotencyKeyIsABadRequest() {
        assertThat(fields(problem(400, () -> post("operator", "/api/tickets", openBody("acme"),
                "Idempotency-Key", "k".repeat(129))))).containsExactly("Idempotency-Key");
    }

    @Test
    void unknownPathIsAProblemToo() {
        Answer answer = post("operator", "/api/nothing-here", "{}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
