package com.ticketledger.web.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/** The shared part of both sides' OpenAPI documents (springdoc builds them on the first request). */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class LedgerOpenApiAutoConfiguration {

    @Bean
    public LedgerOpenApiCustomizer ledgerOpenApiCustomizer(OpenApiProperties properties,
            @Lazy WebInvocationPrivilegeEvaluator access) {
        return new LedgerOpenApiCustomizer(properties, access);
    }
}
