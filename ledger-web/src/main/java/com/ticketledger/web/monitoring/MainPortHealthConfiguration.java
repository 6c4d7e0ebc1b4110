package com.ticketledger.web.monitoring;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With the management endpoints on a port of their own, health still answers on the main port. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
public class MainPortHealthConfiguration {

    @Bean
    MainPortHealth mainPortHealth(HealthEndpoint health, HttpCodeStatusMapper statusCodes) {
        return new MainPortHealth(health, statusCodes);
    }
}
