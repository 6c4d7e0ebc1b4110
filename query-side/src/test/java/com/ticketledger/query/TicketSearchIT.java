package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.Channel;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a ticket by its number, and full-text search of the list (docs/api.md): the same organisation isolation
 * as every read, internal notes for the desk only, accents ignored, ranked and paged, and never a 500.
 */
class TicketSearchIT extends QuerySideIT {

    private static final By GLOBEX_CLIENT = new By("globex-1", com.ticketledger.events.Role.CLIENT, "globex");

    /** A word no other test writes, so that a search finds only this test's tickets. */
    private static String unique(String stem) {
        StringBuilder word = new StringBuilder(stem);
        UUID.randomUUID().toString().replace("-", "").chars().limit(12)
                .forEach(hex -> word.append((char) ('a' + Character.digit(hex, 16))));
        return word.toString();
    }

    private static TicketOpened opened(String clientId, String title, String description) {
        TicketOpened template = Tickets.opened(clientId);
        return new TicketOpened(template.ticketId(), template.number(), clientId,
                new Reporter("Marta", "marta@" + clientId + ".example", null), "vpn-gw-01", title, description, 40,
                null, TicketType.INCIDENT, Priority.HIGH, Channel.PHONE);
    }

    private static String q(String words) {
        return URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private static List<String> ids(Answer page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("ticketId").asText()));
        return ids;
    }

    @Test
    void findsByNumber() {
        TicketOpened ticket = Tickets.opened("acme");
        long position = append(ticket, ACME_CLIENT, Instant.now());

        Answer found = getAt("acme-1", "/api/tickets/by-number/" + ticket.number(), position);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("ticketId").asText()).isEqualTo(ticket.ticketId().toString());
        assertThat(found.json().get("number").asText()).isEqualTo(ticket.number());
        assertThat(found.json().get("sla").get("responseState").asText()).isEqualTo("RUNNING");
        assertThat(get("operator", "/api/tickets/by-number/" + ticket.number().toLowerCase()).json()
                .get("ticketId").asText()).as("the prefix in any case").isEqualTo(ticket.ticketId().toString());
        assertThat(get("ana", "/api/tickets/by-number/TCK-0000000" + ticket.number().substring(4)).status())
                .as("leading zeros are optional").isEqualTo(200);
    }

    @Test
    void aNumberOfAnotherOrganisationIsNotFoundAndAMalformedOneIsABadRequest() {
        TicketOpened ticket = Tickets.opened("acme");
        long position = append(ticket, ACME_CLIENT, Instant.now());

        Answer hidden = getAt("globex-1", "/api/tickets/by-number/" + ticket.number(), position);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        Answer unknown = get("operator", "/api/tickets/by-number/TCK-999999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("no ticket TCK-999999999");
        assertThat(hidden.json().get("detail").asText()).as("the same answer as an unknown number")
                .isEqualTo("no ticket " + ticket.number());

        for (String malformed : List.of("123", "TCK-", "TCK-12a", "TCK-1234567890123456789", "XYZ-000001",
                "TCK-000001%20OR%201=1", "%27--", "TCK-%E2%80%8B1")) {
            Answer answer = get("operator", "/api/tickets/by-number/" + malformed);
            assertThat(answer.status()).as(malformed).isEqualTo(400);
            assertThat(answer.contentType()).as(malformed).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(malformed).isEqualTo("number");
        }
        assertThat(get("operator", "/api/tickets/by-number/x", "Accept-Language", "es-AR").json().get("errors")
                .get(0).get("message").asText()).isEqualTo("debe ser un número de ticket como TCK-000123");
    }

    @Test
    void searchIgnoresAccents() {
        String word = unique("zona");
        TicketOpened accented = opened("acme", "Sin conexión en la " + word, "Desde las 8:30 nadie navega");
        long position = append(accented, ACME_CLIENT, Instant.now());

        assertThat(ids(getAt("operator", "/api/tickets?q=" + q("conexion " + word), position)))
                .containsExactly(accented.ticketId().toString());
        assertThat(ids(get("acme-1", "/api/tickets?q=" + q("CONEXIÓN " + word))))
                .as("case and accents of the query do not matter either").containsExactly(accented.ticketId().toString());
        assertThat(ids(get("ana", "/api/tickets?q=" + q("conexiones " + word))))
                .as("Spanish stems: a plural finds the singular").containsExactly(accented.ticketId().toString());
        String english = unique("site");
        TicketOpened inEnglish = opened("acme", "Printers failing at the " + english, "Paper jams everywhere");
        position = append(inEnglish, ACME_CLIENT, Instant.now());
        assertThat(ids(getAt("operator", "/api/tickets?q=" + q("printer fails " + english), position)))
                .as("English stems").containsExactly(inEnglish.ticketId().toString());
    }

    @Test
    void aClientSearchNeverMatchesInternalNotes() {
        String secret = unique("secreto");
        String shared = unique("compartido");
        TicketOpened ticket = opened("acme", "VPN caída", "Nadie conecta");
        append(ticket, ACME_CLIENT, Instant.now());
        append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, Instant.now());
        append(new NoteAdded(ticket.ticketId(), "Firmware del " + secret, Visibility.INTERNAL), ANA, Instant.now());
        long position = append(new NoteAdded(ticket.ticketId(), "Probamos el " + shared, Visibility.PUBLIC), ANA,
                Instant.now());
        String id = ticket.ticketId().toString();

        assertThat(ids(getAt("acme-1", "/api/tickets?q=" + q(secret), position))).isEmpty();
        assertThat(ids(get("acme-1", "/api/tickets?q=" + q(secret + " or " + shared)))).containsExactly(id);
        assertThat(ids(get("acme-1", "/api/tickets?q=" + q(shared + " " + secret))))
                .as("all the words, one of them internal").isEmpty();
        assertThat(ids(get("acme-1", "/api/tickets?q=" + q(shared)))).containsExactly(id);
        for (String desk : List.of("operator", "ana", "auditor", "analyst")) {
            assertThat(ids(get(desk, "/api/tickets?q=" + q(secret)))).as(desk).containsExactly(id);
            assertThat(ids(get(desk, "/api/tickets?q=" + q(shared + " " + secret)))).as(desk).containsExactly(id);
        }
    }

    @Test
    void aClientNeverFindsAnotherOrganisationsTicket() {
        String word = unique("globo");
        TicketOpened globex = opened("globex", "Router " + word, "Se reinicia solo");
        TicketOpened acme = opened("acme", "Router " + word, "Se reinicia solo");
        append(globex, GLOBEX_CLIENT, Instant.now());
        long position = append(acme, ACME_CLIENT, Instant.now());

        assertThat(ids(getAt("acme-1", "/api/tickets?q=" + q(word), position))).containsExactly(acme.ticketId().toString());
        assertThat(ids(get("acme-1", "/api/tickets?clientId=globex&q=" + q(word)))).isEmpty();
        assertThat(ids(get("globex-1", "/api/tickets?q=" + q(word)))).containsExactly(globex.ticketId().toString());
        assertThat(ids(get("operator", "/api/tickets?q=" + q(word))))
                .containsExactlyInAnyOrder(acme.ticketId().toString(), globex.ticketId().toString());
        assertThat(ids(get("operator", "/api/tickets?clientId=globex&q=" + q(word))))
                .containsExactly(globex.ticketId().toString());
    }

    @Test
    void ranksTitleMatchesFirstAndPagesThroughEveryMatchOnce() {
        String word = unique("orden");
        TicketOpened inNote = opened("acme", "Pantalla negra", "El monitor no enciende");
        TicketOpened inTitle = opened("acme", "Falla " + word, "El monitor no enciende");
        TicketOpened inDescription = opened("acme", "Otra falla", "Aparece " + word + " al iniciar");
        append(inNote, ACME_CLIENT, Instant.now());
        append(inTitle, ACME_CLIENT, Instant.now());
        append(inDescription, ACME_CLIENT, Instant.now());
        append(new NoteAdded(inNote.ticketId(), "Dice " + word, Visibility.PUBLIC), ACME_CLIENT, Instant.now());
        List<String> older = new ArrayList<>();
        long position = 0;
        for (int i = 0; i < 4; i++) {
            TicketOpened same = opened("acme", "Otra falla", "Aparece " + word + " al iniciar");
            position = append(same, ACME_CLIENT, Instant.now());
            older.add(0, same.ticketId().toString());
        }

        List<String> ranked = ids(getAt("operator", "/api/tickets?q=" + q(word), position));
        assertThat(ranked).hasSize(7);
        assertThat(ranked.get(0)).as("a title match first").isEqualTo(inTitle.ticketId().toString());
        assertThat(ranked.get(ranked.size() - 1)).as("a note's match last").isEqualTo(inNote.ticketId().toString());
        assertThat(ranked.subList(1, 5)).as("equal ranks: newest first").isEqualTo(older);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = get("operator", "/api/tickets?limit=2&q=" + q(word) + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            paged.addAll(ids(page));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(paged).isEqualTo(ranked);

        assertThat(ids(get("operator", "/api/tickets?status=ASSIGNED&q=" + q(word)))).as("filters apply").isEmpty();
        assertThat(ids(get("operator", "/api/tickets?status=OPEN&priority=HIGH&q=" + q(word)))).isEqualTo(ranked);
    }

    @Test
    void searchWordsAreCheckedAndHostileInputNeverFails() {
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        for (String bad : List.of("", "%20%20", "a".repeat(201), "vpn%00", "vpn%0Adown")) {
            Answer answer = get("acme-1", "/api/tickets?q=" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(bad).isEqualTo("q");
        }
        assertThat(get("operator", "/api/tickets?q=" + "a".repeat(200)).status()).isEqualTo(200);
        assertThat(get("operator", "/api/tickets?q=vpn&cursor=" + Base64.getUrlEncoder().encodeToString("12".getBytes()))
                .status()).as("a list's cursor is not a search's").isEqualTo(400);
        assertThat(get("operator", "/api/tickets?cursor=" + Base64.getUrlEncoder().encodeToString("0.5|12".getBytes()))
                .status()).as("nor the reverse").isEqualTo(400);
        assertThat(get("operator", "/api/tickets?q=vpn&cursor=" + Base64.getUrlEncoder().encodeToString("x|2".getBytes()))
                .status()).isEqualTo(400);
        for (String hostile : List.of("'&|!():*", "' OR 1=1; --", "\"", "\"\"\"", "!!!", "a & | b", "(((", ":*",
                "<script>alert(1)</script>", "\\", "%", "_", "-", "or", "-vpn", "\"unclosed phrase", "a:*B",
                "DROP TABLE ticket_search;", "'; DELETE FROM ticket_status; --", "中文 ✓ émoji 🚀", "the a de la")) {
            for (String user : List.of("operator", "acme-1")) {
                Answer answer = get(user, "/api/tickets?q=" + q(hostile));
                assertThat(answer.status()).as(user + " " + hostile).isEqualTo(200);
                assertThat(answer.json().get("items").isArray()).isTrue();
            }
        }
        for (String undecodable : List.of("%C3%28", "%FF", "%ED%A0%80", "%C0%80")) {
            Answer answer = get("acme-1", "/api/tickets?q=" + undecodable);
            assertThat(answer.status()).as(undecodable).isIn(200, 400);
            assertThat(answer.contentType()).as(undecodable).contains("json");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_status").query(Long.class).single()).isPositive();
    }

    @Test
    void searchRowsComeBackOnARebuild() throws Exception {
        String word = unique("rebuild");
        TicketOpened ticket = opened("acme", "Correo " + word, "No llegan");
        append(ticket, ACME_CLIENT, Instant.now());
        long position = append(new NoteAdded(ticket.ticketId(), "Cola del " + word, Visibility.INTERNAL), ANA,
                Instant.now());
        getAt("operator", "/api/tickets?q=" + q(word), position);
        List<Map<String, Object>> incremental = searchRows();

        assertThat(request("POST", "operator", "/api/admin/projections/" + ProcessingGroups.TICKET_STATUS + "/rebuild")
                .statusCode()).isEqualTo(202);
        awaitUntil("the rebuilt search rows equal the incremental ones", Duration.ofSeconds(60),
                () -> searchRows().equals(incremental));
        awaitUntil("the rebuild ends", Duration.ofSeconds(60), () -> {
            JsonNode status = projection(ProcessingGroups.TICKET_STATUS);
            return !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
        });
        assertThat(ids(get("operator", "/api/tickets?q=" + q(word)))).containsExactly(ticket.ticketId().toString());
    }

    private List<Map<String, Object>> searchRows() {
        return jdbc.sql("""
                SELECT ticket_id, client_id, opened_position, version, public_document::text AS public_document,
                    desk_document::text AS desk_document
                FROM ticket_search ORDER BY ticket_id""").query().listOfRows();
    }

    @Test
    void aBroadSearchRanksItsNewestTwoThousandMatchesOnly() {
        String word = unique("amplia");
        TicketOpened old = opened("acme", "Caída " + word + " " + word, "La red " + word);
        long position = append(old, ACME_CLIENT, Instant.now());
        assertThat(ids(getAt("operator", "/api/tickets?q=" + q(word), position)))
                .containsExactly(old.ticketId().toString());
        // 2,000 newer documents with the same word (no status row: no search shows them) push the old ticket out of
        // the matches a search ranks, however well it would rank
        jdbc.sql("""
                INSERT INTO ticket_search (ticket_id, client_id, opened_position, version, public_document, desk_document)
                SELECT gen_random_uuid(), 'broad-probe', 1000000000000 + i, 0, d, d
                FROM generate_series(1, 2000) i, LATERAL (SELECT ticket_search_document(:word, 'C') AS d) doc
                """).param("word", word).update();
        try {
            assertThat(ids(get("operator", "/api/tickets?q=" + q(word)))).isEmpty();
            jdbc.sql("DELETE FROM ticket_search WHERE client_id = 'broad-probe' AND opened_position = 1000000000001")
                    .update();
            assertThat(ids(get("operator", "/api/tickets?q=" + q(word)))).containsExactly(old.ticketId().toString());
        } finally {
            jdbc.sql("DELETE FROM ticket_search WHERE client_id = 'broad-probe'").update();
        }
    }

    @Test
    void searchUsesTheGinIndexAtSize() {
        // 100,000 documents beside the tickets (no status row: no search shows them), then the plan of the search's
        // match, as a read runs it; PostgreSQL picks a sequential scan over a table of a few rows whatever it has.
        jdbc.sql("""
                INSERT INTO ticket_search (ticket_id, client_id, opened_position, version, public_document, desk_document)
                SELECT gen_random_uuid(), 'plan-probe', -i, 0, d, d
                FROM generate_series(1, 100000) i,
                     LATERAL (SELECT to_tsvector('simple', 'ticket ' || i || ' palabra' || (i % 500)) AS d) doc
                """).update();
        try {
            jdbc.sql("ANALYZE ticket_search").update();
            String plan = String.join("\n", jdbc.sql("""
                    EXPLAIN WITH q AS MATERIALIZED (SELECT ticket_search_query('palabra7') AS query)
                    SELECT x.ticket_id, ts_rank_cd(x.desk_document, q.query, 1) AS rank
                    FROM ticket_search x CROSS JOIN q WHERE x.desk_document @@ q.query
                    ORDER BY rank DESC, x.opened_position DESC LIMIT 51""").query(String.class).list());
            assertThat(plan).contains("Bitmap Index Scan on ticket_search_desk");
            plan = String.join("\n", jdbc.sql("""
                    EXPLAIN WITH q AS MATERIALIZED (SELECT ticket_search_query('palabra7') AS query)
                    SELECT x.ticket_id FROM ticket_search x CROSS JOIN q
                    WHERE x.public_document @@ q.query AND x.client_id = 'acme'""").query(String.class).list());
            assertThat(plan).contains("Bitmap Index Scan on ticket_search_public");
        } finally {
            jdbc.sql("DELETE FROM ticket_search WHERE client_id = 'plan-probe'").update();
        }
    }
}
