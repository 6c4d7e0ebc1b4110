package com.ticketledger.command.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a thousand generated bad requests across every command endpoint: truncated and malformed JSON, wrong
 * types, nulls, over-long and control-character strings, invalid UTF-8, deep nesting, huge bodies, unknown
 * enum values, injection strings, forged ids, bad headers and content types. Each aims at a request that
 * would be refused even if it were well-formed (a closed ticket, a role that may not), so nothing may be
 * written: every answer is a 4xx problem, never a 5xx, a stack trace or an HTML page.
 */
class HostileInputIT extends CommandSideIT {

    static final List<String> INJECTIONS = List.of("'; DROP TABLE domain_event_entry; --", "\" OR 1=1 --",
            "<script>alert('x')</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd",
            "%00%0d%0a", "😀 emoji ✓", "\\u0000");

    record Target(String user, String path, String validBody) {
    }

    final List<String> failures = new ArrayList<>();
    int sent;
    UUID closed;
    UUID foreign;

    @BeforeEach
    void closedTicket() {
        closed = assignedTicket();
        post("ana", "/api/tickets/" + closed + "/pending-closure", "{\"resolution\":\"done\"}");
        post("acme-1", "/api/tickets/" + closed + "/acceptance", null);
        foreign = closed;
    }

    List<Target> targets() {
        String ticket = "/api/tickets/" + closed;
        return List.of(
                new Target("auditor", "/api/tickets", openBody("acme")),
                new Target("operator", ticket + "/assignment", "{\"engineer\":\"ana\"}"),
                new Target("ana", ticket + "/notes", "{\"text\":\"checked the logs\",\"visibility\":\"PUBLIC\"}"),
                new Target("ana", ticket + "/escalation", "{\"toLevel\":\"L2\",\"reason\":\"routing\",\"vendorCaseRef\":null}"),
                new Target("ana", ticket + "/pending-closure", "{\"resolution\":\"restarted\"}"),
                new Target("acme-1", ticket + "/acceptance", "{\"comment\":\"fine\"}"),
                new Target("globex-1", "/api/tickets/" + foreign + "/reopening", "{\"reason\":\"again\"}"),
                new Target("ana", ticket + "/classification",
                        "{\"priority\":\"LOW\",\"type\":\"REQUEST\",\"category\":\"network\",\"reason\":\"wrong\"}"),
                new Target("acme-1", ticket + "/cancellation",
                        "{\"reason\":\"WITHDRAWN\",\"duplicateOf\":null,\"note\":\"not needed\"}"),
                // valid, it would be refused to the AUDITOR: every variant must be refused too
                new Target("auditor", "/api/sla-policies", policyDefinition("hostile")));
    }

    void send(Target target, byte[] body, String contentType, String... headers) {
        sent++;
        Answer answer = postBytes(target.user(), target.path(), body, contentType, headers);
        String problem = judge(answer);
        if (problem != null) {
            failures.add(problem + " <- " + target.path() + " " + new String(body, 0, Math.min(body.length, 120),
                    StandardCharsets.UTF_8));
        }
    }

    void send(Target target, String body, String... headers) {
        send(target, body.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    static String judge(Answer answer) {
        if (answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (answer.status() < 400) {
            return "accepted with " + answer.status();
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "not a problem: " + answer.contentType();
        }
        String body = answer.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.toLowerCase().contains("<html")) {
            return "leaks internals: " + body;
        }
        return null;
    }

    @Test
    void thousandsOfBadRequestsAreRefusedCleanlyAndWriteNothing() {
        long eventsBefore = eventCount();
        long keysBefore = jdbc.sql("SELECT count(*) FROM idempotency_record").query(Long.class).single();

        for (Target target : targets()) {
            String valid = target.validBody();
            // every truncation of a valid body
            for (int length = 0; length < valid.length(); length++) {
                send(target, valid.substring(0, length));
            }
            // each field replaced by wrong types, null, over-long text, control characters, injections
            for (Map.Entry<String, String> field : fields(valid).entrySet()) {
                for (String replacement : List.of("123", "-1", "1.5", "true", "[]", "{}", "null", "\"\"",
                        "\"" + "x".repeat(10_001) + "\"", "\"line\\u0000break\"", "\"\\u0007bell\"",
                        "\"NOT_A_VALUE\"", "[[[[[[[[[[\"deep\"]]]]]]]]]]", "{\"$ne\":null}")) {
                    send(target, replace(valid, field.getKey(), replacement));
                }
                for (String injection : INJECTIONS) {
                    send(target, replace(valid, field.getKey(), quoted(injection)));
                }
            }
            // structure
            send(target, "[" + valid + "]");
            send(target, valid + valid);
            send(target, valid + "garbage");
            send(target, "\"just a string\"");
            send(target, "null");
            send(target, "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
            send(target, "{\"x\":\"" + "y".repeat(70_000) + "\"}");
            send(target, valid.replace("{", "{\"extra\":{\"nested\":[1,2,3]},"));
            // bytes that are not UTF-8, and control bytes
            byte[] invalid = valid.getBytes(StandardCharsets.UTF_8);
            byte[] broken = Arrays.copyOf(invalid, invalid.length);
            broken[broken.length / 2] = (byte) 0xC3;
            broken[broken.length / 2 + 1] = (byte) 0x28;
            send(target, broken, "application/json");
            send(target, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "application/json");
            // content types
            send(target, valid.getBytes(StandardCharsets.UTF_8), "text/plain");
            send(target, valid.getBytes(StandardCharsets.UTF_8), "application/xml");
            send(target, valid.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
            // headers
            send(target, valid, "If-Match", "not-a-version");
            send(target, valid, "If-Match", "\"99999999999999999999999\"");
            send(target, valid, "Idempotency-Key", "k".repeat(129));
            send(target, valid, "Idempotency-Key", "has space");
            send(target, valid, "X-Correlation-Id", "<script>".repeat(40));
        }
        // forged and malformed ids
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                "%27%20OR%201%3D1", "..%2F..%2Fetc")) {
            Target forged = new Target("ana", "/api/tickets/" + id + "/notes", "{\"text\":\"x\"}");
            send(forged, forged.validBody());
        }

        org.slf4j.LoggerFactory.getLogger(getClass()).info("{} hostile requests sent, {} not cleanly refused",
                sent, failures.size());
        assertThat(sent).isGreaterThanOrEqualTo(1_000);
        assertThat(failures).as("answers that were not clean 4xx problems").isEmpty();
        assertThat(eventCount()).as("nothing written").isEqualTo(eventsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record").query(Long.class).single()).isEqualTo(keysBefore);
    }

    /** A request the endpoint would accept, but for one field it does not know. */
    record Unknown(String user, String path, String validBody, String field) {

        String body() {
            return validBody.replaceFirst("\\{", "{\"" + field + "\":\"INTERNAL\",");
        }
    }

    @Test
    void aFieldTheEndpointDoesNotKnowIsRefusedByNameOnEveryCommandAndWritesNothing() {
        UUID open = openTicket("operator", "acme");
        UUID assigned = assignedTicket();
        UUID toEscalate = assignedTicket();
        UUID resolved = assignedTicket();
        post("ana", "/api/tickets/" + resolved + "/pending-closure", "{\"resolution\":\"done\"}");
        UUID toReopen = assignedTicket();
        post("ana", "/api/tickets/" + toReopen + "/pending-closure", "{\"resolution\":\"done\"}");
        List<Unknown> cases = List.of(
                new Unknown("operator", "/api/tickets", openBody("acme"), "priorty"),
                new Unknown("operator", "/api/tickets/" + open + "/assignment", "{\"engineer\":\"ana\"}", "enginer"),
                new Unknown("ana", "/api/tickets/" + assigned + "/notes", "{\"text\":\"checked\"}", "visiblity"),
                new Unknown("ana", "/api/tickets/" + toEscalate + "/escalation",
                        "{\"toLevel\":\"L2\",\"reason\":\"routing\"}", "vendorCaseReference"),
                new Unknown("ana", "/api/tickets/" + assigned + "/pending-closure", "{\"resolution\":\"fixed\"}",
                        "resolutoin"),
                new Unknown("acme-1", "/api/tickets/" + resolved + "/acceptance", "{\"comment\":\"fine\"}", "coment"),
                new Unknown("acme-1", "/api/tickets/" + toReopen + "/reopening", "{\"reason\":\"again\"}", "reasons"),
                new Unknown("ana", "/api/tickets/" + open + "/classification", "{\"priority\":\"LOW\",\"reason\":\"r\"}",
                        "priorty"),
                new Unknown("operator", "/api/tickets/" + open + "/cancellation",
                        "{\"reason\":\"OUT_OF_SCOPE\",\"note\":\"n\"}", "duplicate"),
                new Unknown("operator", "/api/sla-policies",
                        policyDefinition("unknown-" + UUID.randomUUID().toString().substring(0, 8)), "nmae"));

        for (Unknown unknown : cases) {
            long before = eventCount();
            Answer refused = post(unknown.user(), unknown.path(), unknown.body());
            assertThat(refused.status()).as(unknown.path() + " " + unknown.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo(unknown.field());
            assertThat(refused.json().get("errors").get(0).get("message").asText()).isEqualTo("is not a known field");
            assertThat(eventCount()).as("nothing written by " + unknown.path()).isEqualTo(before);

            Answer accepted = post(unknown.user(), unknown.path(), unknown.validBody());
            assertThat(accepted.status()).as("the same body without the unknown field: " + accepted.body())
                    .isBetween(200, 201);
        }
    }

    /**
     * The client register's commands: bad input is a 400 naming the field (or a 404 for a client id that cannot be
     * one), never a 500, and writes nothing; a valid request from someone who may not change the register is a 403.
     */
    @Test
    void badClientRegisterCommandsAreClearProblemsAndWriteNothing() {
        String client = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        registerClient(client, "2026-01-01", "2099-12-31");
        String register = "{\"clientId\":\"%s\",\"name\":\"N\",\"language\":\"%s\",\"timeZone\":\"%s\"}";
        String contract = "/api/clients/" + client + "/contract";
        String contacts = "/api/clients/" + client + "/contacts";
        List<Bad> cases = List.of(
                new Bad("operator", "/api/clients", register.formatted("new-" + client, "fr", "UTC"), 400, "language", null),
                new Bad("operator", "/api/clients", register.formatted("new-" + client, "en", "Mars/Olympus"), 400,
                        "timeZone", null),
                new Bad("operator", "/api/clients", register.formatted("../etc", "en", "UTC"), 400, "clientId", null),
                new Bad("operator", "/api/clients", register.formatted("a b", "en", "UTC"), 400, "clientId", null),
                new Bad("operator", "/api/clients", register.formatted("x".repeat(101), "en", "UTC"), 400, "clientId",
                        null),
                new Bad("operator", "/api/clients", register.formatted("'; DROP TABLE x; --", "en", "UTC"), 400,
                        "clientId", null),
                new Bad("operator", "/api/clients", "{\"clientId\":\"c\",\"name\":\"N\",\"language\":\"en\","
                        + "\"timeZone\":\"UTC\",\"slaPolicy\":\"gold\"}", 400, "slaPolicy", null),
                new Bad("auditor", "/api/clients", register.formatted("new-" + client, "en", "UTC"), 403, null, null),
                new Bad("operator", contract, "{\"from\":\"2026-12-31\",\"to\":\"2026-01-01\",\"slaPolicy\":\"standard\"}",
                        400, "to", null),
                new Bad("operator", contract, "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"slaPolicy\":\"gold\"}",
                        400, "slaPolicy", null),
                new Bad("operator", contract, "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"slaPolicy\":\"standard\","
                        + "\"suspended\":true}", 400, "suspensionReason", null),
                new Bad("operator", contract, "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"slaPolicy\":\"standard\","
                        + "\"suspensionReason\":\"unpaid\"}", 400, "suspensionReason", null),
                new Bad("operator", contract, "{\"from\":\"yesterday\",\"to\":\"2026-12-31\",\"slaPolicy\":\"standard\"}",
                        400, "from", null),
                new Bad("operator", contract, "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"slaPolicy\":\"standard\","
                        + "\"onsite\":true}", 400, "onsite", null),
                new Bad("ana", contract, "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"slaPolicy\":\"standard\"}",
                        403, null, null),
                new Bad("operator", "/api/clients/-ab/contract",
                        "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"slaPolicy\":\"standard\"}", 400, "clientId", null),
                new Bad("operator", contacts, "{\"areaManagerEmail\":\"not-an-address\"}", 400, "areaManagerEmail", null),
                new Bad("operator", contacts, "{\"representatives\":[\"nobody\"]}", 400, "representatives", null),
                new Bad("operator", contacts, "{\"representative\":[\"acme-1\"]}", 400, "representative", null),
                new Bad("acme-1", contacts, "{\"representatives\":[]}", 403, null, null));

        for (Bad bad : cases) {
            long before = eventCount();
            Answer refused = bad.path().equals("/api/clients") ? post(bad.user(), bad.path(), bad.body())
                    : put(bad.user(), bad.path(), bad.body());
            String why = bad.path() + " " + bad.body() + " → " + refused.body();
            assertThat(refused.status()).as(why).isEqualTo(bad.status());
            assertThat(judge(refused)).as(why).isNull();
            if (bad.field() != null) {
                assertThat(refused.body()).as(why).contains("\"" + bad.field() + "\"");
            }
            assertThat(eventCount()).as("nothing written by " + why).isEqualTo(before);
        }
    }

    /**
     * The SLA policies' commands: bad input is a 400 naming the field, an unknown policy a 404, never a 500, and
     * writes nothing; a valid request from someone who may not define policies is a 403.
     */
    @Test
    void badSlaPolicyCommandsAreClearProblemsAndWriteNothing() {
        String name = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("operator", "/api/sla-policies", policyDefinition(name)).status()).isEqualTo(201);
        String change = "/api/sla-policies/" + name;
        String terms = policyTerms("5d");
        String manyCalendars = terms.replace("\"calendars\":{", "\"calendars\":{" + java.util.stream.IntStream
                .range(0, 11).mapToObj(n -> "\"c" + n + "\":{\"zone\":\"UTC\",\"twentyFourSeven\":true},")
                .collect(java.util.stream.Collectors.joining()));
        String manyHolidays = terms.replace("\"holidays\":[", "\"holidays\":[" + java.util.stream.IntStream
                .range(0, 600).mapToObj(n -> "\"" + java.time.LocalDate.of(2026, 1, 1).plusDays(n) + "\",")
                .collect(java.util.stream.Collectors.joining()));
        List<Bad> cases = List.of(
                new Bad("operator", "/api/sla-policies", policyDefinition("Gold Plus"), 400, "name", null),
                new Bad("operator", "/api/sla-policies", policyDefinition("x".repeat(41)), 400, "name", null),
                new Bad("operator", "/api/sla-policies", policyDefinition("../etc"), 400, "name", null),
                new Bad("operator", "/api/sla-policies", policyDefinition("'; DROP TABLE x; --"), 400, "name", null),
                new Bad("operator", "/api/sla-policies", "{\"name\":\"n\",\"reason\":\"no terms\"}", 400, "terms",
                        null),
                new Bad("operator", "/api/sla-policies", policyDefinition(name), 409, null, null),
                new Bad("analyst", "/api/sla-policies", policyDefinition("analysts"), 403, null, null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"LOW\"", "\"URGENT\"") + "}", 400,
                        null, null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"LOW\":{", "\"LOW\":{\"resolve\":\"1d\",")
                        + "}", 400, "terms.priorities.LOW.resolve", null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("America/Argentina/Buenos_Aires",
                        "Mars/Olympus") + "}", 400, null, "Mars/Olympus"),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"2h\"", "\"2 hours\"") + "}", 400,
                        null, null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"4h\"", "4") + "}", 400, null, null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"P30D\"", "\"P400000D\"") + "}", 400,
                        "terms.reopenWindow", null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"P30D\"", "\"thirty days\"") + "}", 400,
                        null, null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"atRiskPercent\":80",
                        "\"atRiskPercent\":100") + "}", 400, "terms.atRiskPercent", null),
                new Bad("operator", change, "{\"terms\":" + terms.replace("\"09:00\"", "\"9 o'clock\"") + "}", 400,
                        null, null),
                new Bad("operator", change, "{\"terms\":" + manyCalendars + "}", 400, "terms.calendars", null),
                new Bad("operator", change, "{\"terms\":" + manyHolidays + "}", 400, null, null),
                new Bad("operator", change, "{\"terms\":" + terms.substring(0, terms.length() / 2), 400, null, null),
                new Bad("operator", change, "{\"terms\":[]}", 400, null, null),
                new Bad("operator", change, "{\"terms\":" + terms + ",\"version\":3}", 400, "version", null),
                new Bad("operator", "/api/sla-policies/Not%20A%20Name", "{\"terms\":" + terms + "}", 400, "name", null),
                new Bad("operator", "/api/sla-policies/nobody-" + name, "{\"terms\":" + terms + "}", 404, null, null),
                new Bad("ana", change, "{\"terms\":" + terms + "}", 403, null, null));

        for (Bad bad : cases) {
            long before = eventCount();
            Answer refused = bad.path().equals("/api/sla-policies") ? post(bad.user(), bad.path(), bad.body())
                    : put(bad.user(), bad.path(), bad.body());
            String why = bad.path() + " " + bad.body().substring(0, Math.min(200, bad.body().length())) + " → "
                    + refused.body();
            assertThat(refused.status()).as(why).isEqualTo(bad.status());
            assertThat(judge(refused)).as(why).isNull();
            if (bad.field() != null) {
                assertThat(refused.body()).as(why).contains("\"" + bad.field() + "\"");
            }
            if (bad.inDetail() != null) {
                assertThat(refused.body()).as(why).contains(bad.inDetail());
            }
            assertThat(eventCount()).as("nothing written by " + why).isEqualTo(before);
        }
    }

    /** A bad cancellation or reclassification: its status, and the field or the words that say why. */
    record Bad(String user, String path, String body, int status, String field, String inDetail) {
    }

    @Test
    void badCancellationsAndReclassificationsAreClearProblemsAndWriteNothing() {
        UUID ticket = assignedTicket();
        UUID globex = openTicket("globex-1", "globex");
        UUID nowhere = UUID.randomUUID();
        String cancel = "/api/tickets/" + ticket + "/cancellation";
        String reclassify = "/api/tickets/" + ticket + "/classification";
        List<Bad> cases = List.of(
                new Bad("operator", cancel, "{\"reason\":\"GONE\",\"note\":\"n\"}", 400, "reason", null),
                new Bad("operator", cancel, "{\"note\":\"n\"}", 400, "reason", null),
                new Bad("operator", cancel, "{\"reason\":\"OUT_OF_SCOPE\"}", 400, "note", null),
                new Bad("operator", cancel, "{\"reason\":\"OUT_OF_SCOPE\",\"note\":\"  \"}", 400, "note", null),
                new Bad("operator", cancel, "{\"reason\":\"OUT_OF_SCOPE\",\"note\":\"" + "n".repeat(10_001) + "\"}",
                        400, "note", null),
                new Bad("operator", cancel, "{\"reason\":\"DUPLICATE\",\"note\":\"n\"}", 400, "duplicateOf", null),
                new Bad("operator", cancel, "{\"reason\":\"NO_CONTRACT\",\"duplicateOf\":\"" + globex
                        + "\",\"note\":\"n\"}", 400, "duplicateOf", null),
                new Bad("operator", cancel, "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"TCK-000001\",\"note\":\"n\"}",
                        400, "duplicateOf", null),
                new Bad("operator", cancel, "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"" + ticket
                        + "\",\"note\":\"n\"}", 400, null, "cannot be a duplicate of itself"),
                new Bad("operator", cancel, "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"" + globex
                        + "\",\"note\":\"n\"}", 404, null, "cannot be closed as a duplicate of " + globex
                        + ": its organisation has no such ticket"),
                new Bad("operator", cancel, "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"" + nowhere
                        + "\",\"note\":\"n\"}", 404, null, "cannot be closed as a duplicate of " + nowhere
                        + ": its organisation has no such ticket"),
                new Bad("acme-1", cancel, "{\"reason\":\"DUPLICATE\",\"duplicateOf\":\"" + globex
                        + "\",\"note\":\"n\"}", 403, null, "a client may cancel a ticket only as WITHDRAWN"),
                new Bad("bruno", cancel, "{\"reason\":\"OUT_OF_SCOPE\",\"note\":\"n\"}", 403, null,
                        "only ana or an OPERATOR may cancel it"),
                new Bad("ana", reclassify, "{\"priority\":\"URGENT\",\"reason\":\"r\"}", 400, "priority", null),
                new Bad("ana", reclassify, "{\"priority\":\"LOW\"}", 400, "reason", null),
                new Bad("ana", reclassify, "{\"priority\":\"LOW\",\"reason\":\"" + "r".repeat(10_001) + "\"}", 400,
                        "reason", null),
                new Bad("ana", reclassify, "{\"category\":\"" + "c".repeat(51) + "\",\"reason\":\"r\"}", 400,
                        "category", null),
                new Bad("ana", reclassify, "{\"category\":\"printers\",\"reason\":\"r\"}", 400, "category", null),
                new Bad("ana", reclassify, "{\"reason\":\"r\"}", 400, null, "needs a new priority, type or category"),
                new Bad("ana", reclassify, "{\"priority\":\"HIGH\",\"reason\":\"r\"}", 409, null,
                        "a reclassification must change its priority, type or category"),
                new Bad("acme-1", reclassify, "{\"priority\":\"CRITICAL\",\"reason\":\"r\"}", 403, null,
                        "may not reclassify tickets"));

        long before = eventCount();
        List<String> wrong = new ArrayList<>();
        for (Bad bad : cases) {
            Answer answer = post(bad.user(), bad.path(), bad.body());
            String problem = judge(answer);
            if (problem != null || answer.status() != bad.status()) {
                wrong.add(bad.body().substring(0, Math.min(80, bad.body().length())) + ": " + answer.status() + " "
                        + problem + " " + answer.body());
                continue;
            }
            if (bad.field() != null && !answer.body().contains("\"field\":\"" + bad.field() + "\"")) {
                wrong.add(bad.body() + ": does not name " + bad.field() + ": " + answer.body());
            }
            if (bad.inDetail() != null && !answer.json().get("detail").asText().contains(bad.inDetail())) {
                wrong.add(bad.body() + ": does not say '" + bad.inDetail() + "': " + answer.body());
            }
            if (answer.body().contains("globex") || answer.body().contains("VPN down")) {
                wrong.add(bad.body() + ": tells of another organisation's ticket: " + answer.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(eventCount()).as("nothing written").isEqualTo(before);
    }

    @Test
    void anUnknownFieldInsideTheReporterIsNamedByItsPath() {
        Answer refused = post("operator", "/api/tickets",
                openBody("acme").replace("\"email\":", "\"emial\":\"x@acme.example\",\"email\":"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("reporter.emial");
    }

    @Test
    void aMisspeltVisibilityNeverPublishesAnInternalNote() {
        UUID ticket = assignedTicket();
        long before = eventCount(ticket);

        Answer refused = post("ana", "/api/tickets/" + ticket + "/notes",
                "{\"text\": \"Root password is hunter2\", \"visiblity\": \"INTERNAL\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("visiblity");
        assertThat(eventCount(ticket)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE :t")
                .param("t", "%hunter2%").query(Long.class).single()).as("the note's text is nowhere in the ledger")
                .isZero();
    }

    /**
     * Take next takes nothing but the level in its path: an unknown level is a 400 naming it, a body with a field,
     * a body that is not JSON, an If-Match (the caller cannot know the ticket) and a query parameter are refused, by
     * bruno on the L1 queue, which would be refused anyway; nothing is written.
     */
    @Test
    void takeNextRefusesAnUnknownLevelAnyInputButTheLevelAndWritesNothing() {
        long before = eventCount();
        Target l1 = new Target("bruno", "/api/queues/L1/next", null);

        Answer unknownLevel = post("ana", "/api/queues/L9/next", null);
        assertThat(unknownLevel.status()).isEqualTo(400);
        assertThat(unknownLevel.json().get("errors").get(0).get("field").asText()).isEqualTo("level");
        assertThat(unknownLevel.body()).contains("L9");
        Answer bodyField = post("ana", "/api/queues/L1/next", "{\"ticketId\":\"" + closed + "\"}");
        assertThat(bodyField.status()).isEqualTo(400);
        assertThat(bodyField.json().get("errors").get(0).get("field").asText()).isEqualTo("ticketId");
        Answer ifMatch = post("ana", "/api/queues/L1/next", null, "If-Match", "\"0\"");
        assertThat(ifMatch.status()).isEqualTo(400);
        assertThat(ifMatch.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");

        for (String level : List.of("L9", "l1", "vendor", "L1%00", "L4", "0", "%F0%9F%98%80", "L1L1")) {
            send(new Target("ana", "/api/queues/" + level + "/next", null), "{}");
        }
        for (String body : List.of("{\"level\":\"L2\"}", "{\"engineer\":\"ana\"}", "[]", "\"L1\"", "{", "null",
                "{\"a\":" + "[".repeat(5000))) {
            send(l1, body);
        }
        send(l1, "L1".getBytes(StandardCharsets.UTF_8), "text/plain");
        send(l1, "{}", "If-Match", "\"3\"");
        send(l1, "{}", "Idempotency-Key", "has spaces in it");
        send(new Target("ana", "/api/queues/L1/next?limit=1", null), "{}");
        send(new Target("ana", "/api/queues/L1/next?ticketId=" + closed, null), "{}");

        assertThat(failures).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aQueryParameterACommandDoesNotReadIsRefused() {
        UUID ticket = assignedTicket();
        long before = eventCount(ticket);

        Answer refused = post("ana", "/api/tickets/" + ticket + "/notes?visibility=INTERNAL", "{\"text\": \"x\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("visibility");
        assertThat(eventCount(ticket)).isEqualTo(before);
    }

    @Test
    void injectionStringsInValidTextAreStoredAsTheTextTheyAre() {
        UUID ticket = openTicket("operator", "acme");
        for (String injection : INJECTIONS) {
            if (injection.equals("\\u0000")) {
                continue;
            }
            Answer answer = post("ana", "/api/tickets/" + ticket + "/notes", "{\"text\":" + quoted(injection) + "}");
            assertThat(answer.status()).as(injection).isEqualTo(200);
            long version = answer.json().get("version").asLong();
            String stored = new String(jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :t "
                            + "AND sequence_number = :s").param("t", ticket.toString()).param("s", version)
                    .query(byte[].class).single(), StandardCharsets.UTF_8);
            try {
                assertThat(JSON.readTree(stored).get("text").asText()).isEqualTo(injection);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isPositive();
    }

    /**
     * Broken multipart bodies, hostile part names and values, aimed at a closed ticket: each is a clean 4xx problem,
     * and neither an event nor a byte of a file is written.
     */
    @Test
    void hostileUploadsAreRefusedCleanlyAndWriteNothing() {
        String path = "/api/tickets/" + closed + "/attachments";
        Target target = new Target("ana", path, null);
        long events = eventCount();
        long blobs = blobCount();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        String type = "multipart/form-data; boundary=" + BOUNDARY;

        byte[] valid = multipart(List.of(Part.file("error.png", png), Part.field("visibility", "PUBLIC")));
        for (int length = 0; length < valid.length; length += 7) {
            send(target, Arrays.copyOf(valid, length), type);
        }
        send(target, valid, "multipart/form-data");
        send(target, valid, "multipart/form-data; boundary=");
        send(target, valid, "multipart/form-data; boundary=not-the-one-used");
        send(target, valid, "multipart/mixed; boundary=" + BOUNDARY);
        send(target, valid, "application/octet-stream");
        send(target, png, "image/png");
        send(target, "--x--".getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=x");
        for (String visibility : List.of("", "public", "INTERNAL\u0000", "PUBLIC ", "'; DROP TABLE attachment_blob; --",
                "x".repeat(70_000))) {
            send(target, multipart(List.of(Part.file("error.png", png), Part.field("visibility", visibility))), type);
        }
        for (String injection : INJECTIONS) {
            send(target, multipart(List.of(Part.file(injection, png))), type);
            send(target, multipart(List.of(Part.file("error.png", png), Part.field(injection, "x"))), type);
        }
        send(target, multipart(List.of(new Part("file", "a.png", "image/png\r\nX-Injected: 1", png))), type);
        send(target, multipart(List.of(Part.file("setup.exe", "MZ".getBytes(StandardCharsets.US_ASCII)))), type);
        send(target, multipart(List.of(Part.file("empty.png", new byte[0]))), type);
        send(target, multipart(List.of(Part.file("a.png", png), Part.file("b.png", png))), type);
        send(target, multipart(List.of(Part.field("visibility", "PUBLIC"))), type);
        send(target, valid, type, "If-Match", "not-a-version");
        send(target, valid, type, "Idempotency-Key", "has space");
        send(new Target("ana", "/api/tickets/not-a-uuid/attachments", null), valid, type);
        send(new Target("ana", "/api/tickets/" + UUID.randomUUID() + "/attachments", null), valid, type);

        assertThat(failures).as("answers that were not clean 4xx problems").isEmpty();
        assertThat(eventCount()).as("nothing written").isEqualTo(events);
        assertThat(blobCount()).as("no bytes stored").isEqualTo(blobs);
    }

    /** A name is a label: folders, control and direction characters go, and it never names a file of the server. */
    @Test
    void hostileFileNamesAreKeptOnlyAsCleanLabels() throws java.io.IOException {
        UUID ticket = assignedTicket();
        List<String> names = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "/absolute/path.png",
                "line\r\nbreak.png", "invoice\u202Efdp.png", "..", "\u0000.png", "x".repeat(300) + ".png");
        for (String name : names) {
            byte[] content = ("log " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            Answer answer = postMultipart("ana", "/api/tickets/" + ticket + "/attachments",
                    List.of(Part.file(name.replace("\r\n", "%0D%0A"), content)));
            assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
            long version = answer.json().get("version").asLong();
            String stored = JSON.readTree(jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :t "
                            + "AND sequence_number = :s").param("t", ticket.toString()).param("s", version)
                    .query(byte[].class).single()).get("fileName").asText();
            assertThat(stored).as(name).doesNotContain("/", "\\", "\r", "\n", "\u0000", "\u202E").isNotEqualTo("..");
            assertThat(stored.length()).as(name).isLessThanOrEqualTo(200);
        }
    }

    /** The top-level fields of a flat JSON object and their raw values, in order. */
    static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JSON.readTree(json).fields().forEachRemaining(entry -> fields.put(entry.getKey(), entry.getValue().toString()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return fields;
    }

    static String replace(String json, String field, String rawValue) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
            String marker = "__HOSTILE__";
            node.put(field, marker);
            return node.toString().replace("\"" + marker + "\"", rawValue);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
