package com.ticketledger.web.monitoring;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code GET /actuator/health} on the main port when the management endpoints have a port of their own: the
 * overall status only (200 UP, 503 DOWN or OUT_OF_SERVICE), without credentials, for health checks that
 * reach only the main port (docker-compose, the start script). The details are on the management port.
 */
@Hidden // a probe, not part of the desk's API: described in docs/api.md
@RestController
class MainPortHealth {

    private final HealthEndpoint health;
    private final HttpCodeStatusMapper statusCodes;

    MainPortHealth(HealthEndpoint health, HttpCodeStatusMapper statusCodes) {
        this.health = health;
        this.statusCodes = statusCodes;
    }

    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        return ResponseEntity.status(statusCodes.getStatusCode(status)).body(Map.of("status", status.getCode()));
    }
}
