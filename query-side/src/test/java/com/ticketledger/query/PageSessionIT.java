package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' log-in: a form posted to {@code /api/login} opens a session kept in PostgreSQL behind an
 * HttpOnly, SameSite=Strict cookie (Secure when the request came over TLS, through a proxy here); {@code /api/me}
 * names the session's CSRF token; the log-out deletes the session; an idle session ends after
 * {@code server.servlet.session.timeout} (3 s here); HTTP Basic never makes a session.
 *
 * <p>Its settings make a query side of its own, beside the one the other tests share, on the same database: it
 * claims segments under a node id of its own and is closed after the class, so that its processors never write
 * the shared instance's tokens (a rebuild there would otherwise lose the segments this one held).
 */
@TestPropertySource(properties = {"server.servlet.session.timeout=3s", "server.forward-headers-strategy=native",
        "ledger.processing.node-id=page-session-it"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PageSessionIT extends QuerySideIT {

    record Session(String cookie, String csrfHeader, String csrfToken) {
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("X-Requested-With", "XMLHttpRequest");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request);
    }

    HttpResponse<String> logInForm(String user, String password, String... headers) {
        List<String> all = new java.util.ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded"));
        all.addAll(List.of(headers));
        return send("POST", "/api/login", "username=" + user + "&password=" + password, all.toArray(String[]::new));
    }

    Session logIn(String user) {
        HttpResponse<String> answer = logInForm(user, user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode csrf = json(answer).get("csrf");
        return new Session(setCookie(answer).split(";")[0], csrf.get("headerName").asText(),
                csrf.get("token").asText());
    }

    HttpResponse<String> me(Session session) {
        return send("GET", "/api/me", null, "Cookie", session.cookie());
    }

    static String setCookie(HttpResponse<?> response) {
        return response.headers().firstValue("Set-Cookie").orElse("");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    long sessionRows(String user) {
        return jdbc.sql("SELECT count(*) FROM web_session.spring_session WHERE principal_name = :u")
                .param("u", user).query(Long.class).single();
    }

    @Test
    void theLogInFormOpensASessionBehindAnHttpOnlyStrictCookie() {
        HttpResponse<String> answer = logInForm("acme-1", "acme-1");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode person = json(answer);
        assertThat(person.get("name").asText()).isEqualTo("acme-1");
        assertThat(person.get("role").asText()).isEqualTo("CLIENT");
        assertThat(person.get("organisation").asText()).isEqualTo("acme");
        assertThat(person.get("csrf").get("headerName").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(person.toString()).doesNotContain("password").doesNotContain("acme-1:acme-1");
        String cookie = setCookie(answer);
        assertThat(cookie).startsWith("LEDGER_SESSION=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Secure");
        assertThat(sessionRows("acme-1")).isEqualTo(1);

        JsonNode me = json(me(new Session(cookie.split(";")[0], null, null)));
        assertThat(me.get("name").asText()).isEqualTo("acme-1");
        assertThat(me.get("csrf").get("token").asText()).isNotBlank();
    }

    @Test
    void overTlsTheCookieIsSecure() {
        HttpResponse<String> answer = logInForm("auditor", "auditor", "X-Forwarded-Proto", "https");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(setCookie(answer)).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict");
    }

    @Test
    void aWrongPasswordIsTheServersProblemAndNoSession() {
        long rows = sessionRows("analyst");
        HttpResponse<String> answer = logInForm("analyst", "not-the-password");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(answer).get("detail").asText()).isEqualTo("wrong user name or password");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(setCookie(answer)).isEmpty();
        assertThat(sessionRows("analyst")).isEqualTo(rows);
    }

    @Test
    void theLogOutNeedsTheCsrfTokenAndDeletesTheSession() {
        Session session = logIn("bruno");
        assertThat(sessionRows("bruno")).isEqualTo(1);

        HttpResponse<String> refused = send("POST", "/api/logout", null, "Cookie", session.cookie());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:ticketledger:problem:csrf-token-missing");
        assertThat(me(session).statusCode()).isEqualTo(200);

        HttpResponse<String> loggedOut = send("POST", "/api/logout", null, "Cookie", session.cookie(),
                session.csrfHeader(), session.csrfToken());
        assertThat(loggedOut.statusCode()).isEqualTo(204);
        assertThat(setCookie(loggedOut)).startsWith("LEDGER_SESSION=;").contains("Max-Age=0");
        assertThat(sessionRows("bruno")).isZero();
        HttpResponse<String> after = me(session);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutEnds() {
        Session session = logIn("carla");
        assertThat(me(session).statusCode()).isEqualTo(200);
        assertThat(sessionRows("carla")).isEqualTo(1);

        LockSupport.parkNanos(Duration.ofMillis(3_500).toNanos());

        assertThat(me(session).statusCode()).isEqualTo(401);
        assertThat(sessionRows("carla")).isZero();
    }

    @Test
    void aQuerySidePostOfASessionNeedsTheCsrfTokenToo() {
        Session session = logIn("analyst");

        HttpResponse<String> refused = send("POST", "/api/admin/projections/reports/rebuild", null,
                "Cookie", session.cookie());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:ticketledger:problem:csrf-token-missing");
    }

    @Test
    void httpBasicMakesNoSessionAndGetsNoCsrfToken() {
        for (String path : List.of("/api/me", "/api/tickets", "/api/engineers", "/api/admin/projections")) {
            HttpResponse<String> answer = send("GET", path, null, "Authorization", WebPagesIT.basic("ana", "ana"));
            assertThat(answer.statusCode()).as(path).isIn(200, 403);
            assertThat(setCookie(answer)).as(path).isEmpty();
        }
        assertThat(json(send("GET", "/api/me", null, "Authorization", WebPagesIT.basic("ana", "ana"))).has("csrf"))
                .isFalse();
        HttpResponse<String> wrong = send("GET", "/api/me", null, "Authorization", WebPagesIT.basic("ana", "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(setCookie(wrong)).isEmpty();
        assertThat(sessionRows("ana")).isZero();
    }
}
