package com.ticketledger.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only health is open on the main port (status only); every other path needs credentials, and each read is
 * open to the roles of docs/api.md. Metrics are on the management port only: there, without credentials.
 */
class HealthAndAccessIT extends QuerySideIT {

    static final String[] DESK_USERS = {"operator", "ana", "acme-1", "globex-1", "auditor", "analyst"};

    @Test
    void healthAndTheProbesAreUpWithoutCredentialsAndShowOnlyTheStatus() {
        for (String path : new String[] {"/actuator/health", "/livez", "/readyz"}) {
            Answer health = get(null, path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().get("status").asText()).as(path).isEqualTo("UP");
            assertThat(health.json().size()).as(path + ": nothing but the status").isEqualTo(1);
        }
    }

    @Test
    void everythingElseNeedsCredentials() {
        for (String path : new String[] {"/api/tickets", "/api/queues/L1", "/actuator/prometheus", "/actuator/metrics",
                "/v3/api-docs", "/actuator/env"}) {
            Answer answer = get(null, path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    /** Metrics are not the desk's: on the main port they do not exist, whoever asks (404 once logged in). */
    @Test
    void noDeskUserReachesMetricsOnTheMainPort() {
        for (String user : DESK_USERS) {
            for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/health/readiness"}) {
                Answer answer = get(user, path);
                assertThat(answer.status()).as(user + " " + path).isEqualTo(404);
                assertThat(answer.contentType()).as(user + " " + path).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void theManagementPortAnswersMetricsAndDetailedHealthWithoutCredentials() {
        Answer prometheus = management("/actuator/prometheus");
        assertThat(prometheus.status()).as(prometheus.response().body()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain");
        assertThat(prometheus.response().body()).contains("jvm_memory_used_bytes");
        assertThat(management("/actuator/metrics").json().get("names").toString()).contains("ledger.tickets.open");
        Answer health = management("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/eventProcessors/details/ticket-status").asText()).isEqualTo("running");
        assertThat(management("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        assertThat(management("/actuator/env").status()).isEqualTo(404);
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
