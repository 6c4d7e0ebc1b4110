package com.ticketledger.query.privacy;

import com.ticketledger.events.Role;
import com.ticketledger.web.access.AccessRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only the privacy officer reads a subject's data; applied before the side's catch-all rules. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrivacyAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/privacy/subjects").hasRole(Role.PRIVACY_OFFICER.name())
                .requestMatchers("/api/privacy/**").denyAll();
    }
}
