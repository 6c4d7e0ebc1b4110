package com.ticketledger.command.privacy;

import com.ticketledger.events.Role;
import com.ticketledger.web.access.AccessRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only the privacy officer erases; nobody else reaches {@code /api/privacy}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrivacyAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/privacy/subjects/erasure").hasRole(Role.PRIVACY_OFFICER.name())
                .requestMatchers("/api/privacy/**").denyAll();
    }
}
