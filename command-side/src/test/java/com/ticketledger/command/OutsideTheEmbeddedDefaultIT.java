package com.ticketledger.command;

import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the embedded profile there are no demo users, and nothing but health is open on the main port; the
 * management port answers without credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class OutsideTheEmbeddedDefaultIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedDatabase.forTests().jdbcUrl());
        // Outside the embedded default a master key must be given (LEDGER_MASTER_KEY).
        registry.add("ledger.privacy.master-key", () -> "bGVkZ2VyLXRlc3QtbWFzdGVyLWtleS0zMi1ieXRlcyE=");
        registry.add("spring.datasource.username", () -> EmbeddedDatabase.USER);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    int status(String method, String path, String user) throws Exception {
        return status(port, method, path, user);
    }

    int status(int serverPort, String method, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void demoUsersCannotLogIn() throws Exception {
        for (String user : new String[] {"operator", "ana", "acme-1", "auditor", "analyst", "admin", "user"}) {
            assertThat(status("POST", "/api/tickets", user)).as(user).isEqualTo(401);
        }
    }

    @Test
    void onlyHealthIsOpen() throws Exception {
        for (String path : new String[] {"/actuator/health", "/livez", "/readyz"}) {
            assertThat(status("GET", path, null)).as(path).isEqualTo(200);
        }
        for (String path : new String[] {"/api/tickets", "/actuator/info", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/env", "/v3/api-docs", "/swagger-ui.html", "/"}) {
            assertThat(status("GET", path, null)).as(path).isEqualTo(401);
        }
    }

    @Test
    void theManagementPortAnswersWithoutCredentials() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/health",
                "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info"}) {
            assertThat(status(managementPort, "GET", path, null)).as(path).isEqualTo(200);
        }
        assertThat(status(managementPort, "GET", "/actuator/env", null)).isEqualTo(404);
    }
}
