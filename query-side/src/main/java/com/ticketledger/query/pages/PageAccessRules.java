package com.ticketledger.query.pages;

import com.ticketledger.web.access.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The pages and their scripts and styles are public (they hold no data; each read they make is authenticated),
 * and only to GET: nothing under {@code /api} is opened here.
 */
@Component
class PageAccessRules implements AccessRules {

    /** The pages under {@code static/}, each named: a new page is opened on purpose, not by a pattern. */
    static final Set<String> PAGES = Set.of("/", "/index.html", "/client.html", "/engineer.html", "/sla.html",
            "/audit.html", "/clients.html");

    /** The pages' scripts and styles under {@code static/ui/}, and {@code /ui/config.json}. */
    static final String ASSETS = "/ui/**";

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, PAGES.toArray(String[]::new)).permitAll()
                .requestMatchers(HttpMethod.GET, ASSETS).permitAll();
    }
}
