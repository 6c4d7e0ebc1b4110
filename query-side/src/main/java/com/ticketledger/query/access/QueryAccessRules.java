package com.ticketledger.query.access;

import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.web.access.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who reads what on the query side (docs/api.md). Ticket reads are open to every role and scoped to the
 * client's organisation by the reads themselves, and so are client reads (a CLIENT its own); the rest is role by
 * role. The AUDITOR reads everything a
 * desk role reads (queues, breaches, SLA policies, reports, the engineers) and changes nothing; a CLIENT reads its
 * contract's targets in its own client read, not the policies. {@code /api/me} (anyone
 * logged in) and {@code /api/engineers} (those who read the queues) serve the web pages.
 */
@Component
class QueryAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/tickets", "/api/tickets/**", "/api/me").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/engineers", "/api/queues/**", "/api/sla/**",
                        "/api/sla-policies", "/api/sla-policies/**")
                .hasAnyRole("OPERATOR", "ENGINEER", "ANALYST", "AUDITOR")
                .requestMatchers(HttpMethod.GET, "/api/clients", "/api/clients/*")
                .hasAnyRole("OPERATOR", "ENGINEER", "ANALYST", "AUDITOR", "CLIENT")
                .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                .requestMatchers(HttpMethod.GET, "/api/reports/contracts-ending")
                .hasAnyRole("OPERATOR", "ENGINEER", "ANALYST", "AUDITOR")
                .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole("ANALYST", "AUDITOR")
                .requestMatchers(HttpMethod.GET, "/api/notifications").hasAnyRole("OPERATOR", "AUDITOR")
                .requestMatchers(HttpMethod.GET, "/api/admin/projections", "/api/admin/projections/*/dead-letters")
                .hasAnyRole("OPERATOR", "ANALYST", "AUDITOR")
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/*/dead-letters/retry").hasRole("OPERATOR")
                .requestMatchers(HttpMethod.DELETE, "/api/admin/projections/*/dead-letters/*").hasRole("OPERATOR")
                .requestMatchers(HttpMethod.POST, reportingRebuilds()).hasAnyRole("OPERATOR", "ANALYST")
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/*/rebuild").hasRole("OPERATOR")
                .requestMatchers("/api/**").denyAll();
    }

    private static String[] reportingRebuilds() {
        return ProcessingGroups.REPORTING.stream().map(name -> "/api/admin/projections/" + name + "/rebuild")
                .toArray(String[]::new);
    }
}
