package com.ticketledger.query.access;

import com.ticketledger.web.access.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * docs/api.md's "who" column for the query side. Ticket reads are open to every role and scoped to the client's
 * organisation by the reads themselves; the rest is role by role. Also {@code /api/me} (anyone
 * logged in) and {@code /api/engineers} (those who read the queues), for the web pages.
 */
@Component
class QueryAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/tickets", "/api/tickets/**", "/api/me").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/engineers").hasAnyRole("OPERATOR", "ENGINEER", "ANALYST")
                .requestMatchers(HttpMethod.GET, "/api/queues/**", "/api/sla/**")
                .hasAnyRole("OPERATOR", "ENGINEER", "ANALYST")
                .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                .requestMatchers("/api/reports/**").hasRole("ANALYST")
                .requestMatchers(HttpMethod.GET, "/api/admin/projections").hasAnyRole("ANALYST", "AUDITOR")
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/*/rebuild").hasRole("ANALYST")
                .requestMatchers("/api/**").denyAll();
    }
}
