package com.ticketledger.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only health is open; every other path needs credentials, and each read is open to the roles of docs/api.md. */
class HealthAndAccessIT extends QuerySideIT {

    @Test
    void healthIsUpWithoutCredentials() {
        Answer health = get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.response().body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everythingElseNeedsCredentials() {
        for (String path : new String[] {"/api/tickets", "/api/queues/L1", "/actuator/prometheus", "/v3/api-docs",
                "/actuator/env"}) {
            Answer answer = get(null, path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void queuesAndBreachesAreForTheDeskAnalystsAndAuditors() {
        for (String path : new String[] {"/api/queues/L1", "/api/queues/engineers/ana", "/api/sla/breaches?state=BREACHED"}) {
            assertThat(get("operator", path).status()).as(path).isEqualTo(200);
            assertThat(get("ana", path).status()).as(path).isEqualTo(200);
            assertThat(get("analyst", path).status()).as(path).isEqualTo(200);
            assertThat(get("auditor", path).status()).as(path).isEqualTo(200);
            assertThat(get("acme-1", path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void unknownApiPathsAreDenied() {
        assertThat(get("operator", "/api/nothing").status()).isEqualTo(403);
    }
}
