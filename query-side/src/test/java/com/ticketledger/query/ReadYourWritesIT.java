package com.ticketledger.query;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A read naming a position waits for its projection; past the wait it is a 503 with Retry-After. */
class ReadYourWritesIT extends QuerySideIT {

    @Test
    void readNamingThePositionOfAWriteSeesThatWrite() {
        for (int i = 0; i < 20; i++) {
            var opened = Tickets.opened("acme");
            long position = append(opened, OPERATOR, Instant.now());
            assertThat(getAt("operator", "/api/tickets/" + opened.ticketId(), position).status()).isEqualTo(200);
            assertThat(getAt("operator", "/api/tickets/" + opened.ticketId() + "/history", position).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aReadNamingAPositionSaysHowLongItWaitedForItsProjection() {
        var opened = Tickets.opened("acme");
        long position = append(opened, OPERATOR, Instant.now());

        Answer waited = getAt("operator", "/api/tickets/" + opened.ticketId(), position);
        Answer plain = get("operator", "/api/tickets/" + opened.ticketId());

        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.response().headers().firstValue("Server-Timing")).get(InstanceOfAssertFactories.STRING)
                .matches("projection;dur=\\d+\\.\\d");
        assertThat(plain.response().headers().firstValue("Server-Timing")).as("no position named: nothing waited for")
                .isEmpty();
    }

    @Test
    void positionInTheHeaderWorksLikeTheParameter() throws Exception {
        var opened = Tickets.opened("acme");
        long position = append(opened, OPERATOR, Instant.now());
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/tickets/" + opened.ticketId()))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("ana:ana".getBytes()))
                .header("X-Ledger-Position", Long.toString(position)).GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void positionNotYetWrittenIsAServiceUnavailableWithRetryAfter() {
        Answer answer = get("operator", "/api/tickets?minPosition=" + Long.MAX_VALUE / 2);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedPositionIsABadRequest() {
        assertThat(get("operator", "/api/tickets?minPosition=soon").status()).isEqualTo(400);
        assertThat(get("operator", "/api/tickets?minPosition=-1").status()).isEqualTo(400);
    }
}
