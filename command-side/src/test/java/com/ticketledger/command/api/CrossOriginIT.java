package com.ticketledger.command.api;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages are served by the query side (http://localhost:8081 by default) and send their commands here:
 * that origin may, with the headers the commands take; any other origin is refused before anything is read or
 * written, with a problem and no CORS headers.
 */
class CrossOriginIT extends CommandSideIT {

    static final String PAGES = "http://localhost:8081";
    static final String ELSEWHERE = "http://pages.attacker.example";

    Answer preflight(String origin, String path, String method, String headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return execute(request.build());
    }

    static List<String> listed(Answer answer, String header) {
        return answer.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                .flatMap(e -> e.getValue().stream())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.trim().toLowerCase())
                .toList();
    }

    @Test
    void preflightFromThePagesIsAnsweredWithoutCredentials() {
        Answer answer = preflight(PAGES, "/api/tickets/" + UUID.randomUUID() + "/escalation", "POST",
                "authorization,content-type,idempotency-key,if-match,x-ledger-position,x-requested-with");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).contains(PAGES);
        assertThat(listed(answer, "Access-Control-Allow-Methods")).contains("post", "get");
        assertThat(listed(answer, "Access-Control-Allow-Headers")).contains("authorization", "content-type",
                "idempotency-key", "if-match", "x-ledger-position", "x-requested-with");
        assertThat(answer.header("Access-Control-Max-Age")).isPresent();
        assertThat(answer.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aCommandFromThePagesLetsThemReadTheVersionAndPosition() {
        Answer opened = post("acme-1", "/api/tickets", openBody("acme"), "Origin", PAGES);

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.header("Access-Control-Allow-Origin")).contains(PAGES);
        assertThat(listed(opened, "Access-Control-Expose-Headers")).contains("etag", "x-ledger-position", "location");
        assertThat(eventTypes(opened.ticketId())).containsExactly("TicketOpened");
    }

    @Test
    void aPageWithoutValidCredentialsReadsTheProblemAndGetsNoBrowserDialog() {
        Answer refused = post(null, "/api/tickets", openBody("acme"), "Origin", PAGES,
                "Authorization", basic("acme-1", "wrong"), "X-Requested-With", "XMLHttpRequest");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Access-Control-Allow-Origin")).contains(PAGES);
        assertThat(refused.header("WWW-Authenticate")).as("no Basic challenge for a page").isEmpty();
        assertThat(post(null, "/api/tickets", openBody("acme")).header("WWW-Authenticate"))
                .as("other clients are still challenged").hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        Answer answer = preflight(ELSEWHERE, "/api/tickets", "POST", "authorization,content-type");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(answer.header("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void aCommandFromAnotherOriginIsRefusedAndWritesNothing() {
        long before = eventCount();

        Answer answer = post("acme-1", "/api/tickets", openBody("acme"), "Origin", ELSEWHERE);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("origin");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(eventCount()).as("nothing is written").isEqualTo(before);
    }

    /** A browser sends the request only if the preflight's answer allows its method and every header it asked for. */
    @Test
    void thePagesMayNotUseOtherMethodsOrHeaders() {
        assertThat(preflight(PAGES, "/api/tickets", "DELETE", null).status()).isEqualTo(403);
        assertThat(preflight(PAGES, "/api/tickets", "POST", "x-forged-role").status()).isEqualTo(403);
        Answer mixed = preflight(PAGES, "/api/tickets", "POST", "authorization,x-forged-role");
        assertThat(listed(mixed, "Access-Control-Allow-Headers")).contains("authorization").doesNotContain("x-forged-role");
    }
}
