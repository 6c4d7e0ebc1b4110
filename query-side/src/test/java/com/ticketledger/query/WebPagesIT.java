package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages: served to anyone (they hold no data), only to GET, with a policy that confines them; every
 * {@code /api} read stays authenticated; and the two reads the pages add, who is logged in and who the
 * engineers are.
 */
class WebPagesIT extends QuerySideIT {

    static final List<String> PAGES = List.of("/", "/index.html", "/client.html", "/engineer.html", "/sla.html",
            "/audit.html", "/clients.html");

    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void thePagesAreServedWithoutCredentialsUnderAPolicyThatConfinesThem() {
        for (String page : PAGES) {
            HttpResponse<String> response = send("GET", page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(header(response, "Content-Type")).as(page).startsWith("text/html");
            assertThat(response.body()).as(page).contains("<script type=\"module\"");
            assertThat(header(response, "Content-Security-Policy")).as(page)
                    .contains("script-src 'self'")
                    .contains("connect-src 'self' http://localhost:8080")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void theHomePageLinksTheFourPages() {
        String home = send("GET", "/").body();
        for (String page : List.of("client.html", "engineer.html", "sla.html", "audit.html", "clients.html")) {
            assertThat(home).contains("href=\"" + page + "\"");
        }
    }

    @Test
    void theirScriptsStylesAndConfigurationToo() throws IOException {
        HttpResponse<String> script = send("GET", "/ui/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(header(script, "Content-Type")).contains("javascript");
        assertThat(header(send("GET", "/ui/app.css"), "Content-Type")).startsWith("text/css");

        HttpResponse<String> config = send("GET", "/ui/config.json");
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(config.body());
        assertThat(json.get("commandBaseUrl").asText()).isEqualTo("http://localhost:8080");
        assertThat(json.get("autoAcceptAfter").asText()).as("the pages name the acceptance period").isEqualTo("5d");
    }

    @Test
    void everyApiPathStillNeedsCredentials() {
        for (String path : List.of("/api/tickets", "/api/me", "/api/engineers", "/api/queues/L1",
                "/api/reports/sla", "/api/admin/projections", "/v3/api-docs", "/swagger-ui.html", "/actuator/info")) {
            HttpResponse<String> response = send("GET", path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(header(response, "Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyGetOfTheNamedFilesIsOpen() {
        List<String> open = new ArrayList<>();
        for (String[] request : List.of(new String[] {"POST", "/index.html"}, new String[] {"POST", "/ui/config.json"},
                new String[] {"GET", "/not-a-page.html"}, new String[] {"GET", "/api/ui/app.js"})) {
            if (send(request[0], request[1]).statusCode() != 401) {
                open.add(request[0] + " " + request[1]);
            }
        }
        assertThat(open).isEmpty();

        HttpResponse<String> missing = send("GET", "/ui/missing.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aPageWithWrongCredentialsReadsTheProblemAndGetsNoBrowserDialog() throws IOException {
        HttpResponse<String> fromAPage = send("GET", "/api/me", "Authorization", basic("acme-1", "wrong"),
                "X-Requested-With", "XMLHttpRequest");
        assertThat(fromAPage.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(fromAPage.body()).get("title").asText()).isEqualTo("Unauthorized");
        assertThat(fromAPage.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> fromCurl = send("GET", "/api/me", "Authorization", basic("acme-1", "wrong"));
        assertThat(header(fromCurl, "WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void meSaysWhoIsLoggedIn() {
        JsonNode client = get("acme-1", "/api/me").json();
        assertThat(client.get("name").asText()).isEqualTo("acme-1");
        assertThat(client.get("role").asText()).isEqualTo("CLIENT");
        assertThat(client.get("organisation").asText()).isEqualTo("acme");
        assertThat(client.get("level").isNull()).isTrue();

        JsonNode engineer = get("bruno", "/api/me").json();
        assertThat(engineer.get("role").asText()).isEqualTo("ENGINEER");
        assertThat(engineer.get("level").asText()).isEqualTo("L2");
        assertThat(engineer.has("passwordHash")).isFalse();
    }

    @Test
    void theEngineersAreListedByLevel() {
        List<String> engineers = new ArrayList<>();
        get("operator", "/api/engineers").json()
                .forEach(engineer -> engineers.add(engineer.get("name").asText() + " " + engineer.get("level").asText()));
        assertThat(engineers).containsExactly("ana L1", "bruno L2", "carla L3");
    }

    @Test
    void noOtherOriginMayReadFromABrowser() {
        HttpResponse<String> response = send("GET", "/api/tickets", "Authorization", basic("operator", "operator"),
                "Origin", "http://pages.attacker.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
