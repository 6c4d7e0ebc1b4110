package com.ticketledger.web.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The requests that arrive on the management server ({@code management.server.port}), whatever their path.
 * Spring Boot runs that server in a child context of its own and passes its requests through the same
 * security filter chain as the main port's; the context a request's servlet context belongs to tells the two
 * apart. Nothing matches when the management endpoints share the main port.
 */
public final class ManagementServerRequests implements RequestMatcher {

    static final String MANAGEMENT_NAMESPACE = "management";

    @Override
    public boolean matches(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()),
                MANAGEMENT_NAMESPACE);
    }
}
