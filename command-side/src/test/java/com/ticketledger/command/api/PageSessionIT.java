package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' session on the command side: the log-in (the same chain as the query side's, so the session and
 * its CSRF token are the ones a page got there) lets a page's commands through with the session cookie and the
 * CSRF header; without the header a command is a 403 problem and writes nothing; after the log-out the cookie is
 * worth nothing. HTTP Basic stays as it was and never makes a session.
 */
class PageSessionIT extends CommandSideIT {

    static final String PAGES = "http://localhost:8081";

    record Session(String cookie, String csrfHeader, String csrfToken) {
    }

    Session logIn(String user) {
        Answer answer = logInForm(user, user, "X-Requested-With", "XMLHttpRequest");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String cookie = answer.header("Set-Cookie").orElseThrow().split(";")[0];
        JsonNode csrf = answer.json().get("csrf");
        return new Session(cookie, csrf.get("headerName").asText(), csrf.get("token").asText());
    }

    /** A POST as a page sends it: the session cookie, from the pages' origin, the CSRF header when given. */
    Answer postAsPage(Session session, String path, String body, boolean withCsrf) {
        List<String> headers = new ArrayList<>(List.of("Cookie", session.cookie(), "Origin", PAGES,
                "X-Requested-With", "XMLHttpRequest"));
        if (withCsrf) {
            headers.addAll(List.of(session.csrfHeader(), session.csrfToken()));
        }
        return post(null, path, body, headers.toArray(String[]::new));
    }

    long sessionRows() {
        return jdbc.sql("SELECT count(*) FROM web_session.spring_session").query(Long.class).single();
    }

    @Test
    void aPageCommandWithTheSessionAndItsCsrfTokenIsRecorded() {
        Session session = logIn("acme-1");

        Answer opened = postAsPage(session, "/api/tickets", openBody("acme"), true);

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.header("Access-Control-Allow-Origin")).contains(PAGES);
        assertThat(opened.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(metaData(opened.ticketId(), 0).get("user").asText()).isEqualTo("acme-1");
    }

    @Test
    void withoutTheCsrfTokenItIsA403ProblemAndNothingIsWritten() {
        Session session = logIn("operator");
        UUID ticket = openTicket("acme-1", "acme");
        long before = eventCount();

        Answer opened = postAsPage(session, "/api/tickets", openBody("acme"), false);
        Answer assigned = postAsPage(session, "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}",
                false);
        Answer forged = postAsPage(new Session(session.cookie(), session.csrfHeader(), "forged"),
                "/api/tickets/" + ticket + "/assignment", "{\"engineer\":\"ana\"}", true);

        for (Answer refused : List.of(opened, assigned, forged)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:ticketledger:problem:csrf-token-missing");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void afterTheLogOutTheCookieIsWorthNothing() {
        Session session = logIn("ana");
        long rows = sessionRows();

        Answer refusedLogOut = postAsPage(session, "/api/logout", null, false);
        assertThat(refusedLogOut.status()).isEqualTo(403);
        assertThat(sessionRows()).isEqualTo(rows);

        Answer loggedOut = postAsPage(session, "/api/logout", null, true);
        assertThat(loggedOut.status()).isEqualTo(204);
        assertThat(sessionRows()).isEqualTo(rows - 1);

        long before = eventCount();
        Answer after = postAsPage(session, "/api/tickets", openBody("acme"), true);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    Answer logInForm(String user, String password, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password,
                        StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return execute(request.build());
    }

    @Test
    void aWrongPasswordIsA401ProblemAndOpensNoSession() {
        long rows = sessionRows();
        Answer answer = logInForm("ana", "nope", "X-Requested-With", "XMLHttpRequest");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isEqualTo("wrong user name or password");
        assertThat(answer.header("Set-Cookie")).isEmpty();
        assertThat(sessionRows()).isEqualTo(rows);
    }

    @Test
    void aLogInPostedByAFormOfAnotherSiteOpensNoSession() {
        long rows = sessionRows();
        // A plain HTML form cannot add X-Requested-With; such a post is no log-in, whatever it carries.
        Answer answer = logInForm("ana", "ana", "Origin", "http://pages.attacker.example");

        assertThat(answer.status()).isIn(401, 403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Set-Cookie")).isEmpty();
        assertThat(sessionRows()).isEqualTo(rows);
    }

    @Test
    void httpBasicNeedsNoCsrfTokenAndMakesNoSession() {
        long rows = sessionRows();

        Answer opened = post("acme-1", "/api/tickets", openBody("acme"), "Origin", PAGES);
        Answer refused = post("acme-1", "/api/tickets", "{}");
        Answer unauthenticated = post(null, "/api/tickets", openBody("acme"));

        assertThat(opened.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(opened.header("Set-Cookie")).as("a command").isEmpty();
        assertThat(refused.header("Set-Cookie")).as("a refused command").isEmpty();
        assertThat(unauthenticated.header("Set-Cookie")).as("no credentials").isEmpty();
        assertThat(sessionRows()).isEqualTo(rows);
    }
}
