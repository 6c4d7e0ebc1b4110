package com.ticketledger.query.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A Content-Security-Policy on every page: scripts and styles from this side only, data only from this side and
 * the command side. The ledger stores hostile text verbatim and the pages write it as text, never as markup;
 * should one ever slip, the browser still runs nothing that was not served from here.
 */
@Component
class PageSecurityHeaders extends OncePerRequestFilter {

    private final String policy;

    PageSecurityHeaders(PagesProperties properties) {
        this.policy = String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self' " + properties.commandOrigin(),
                "form-action 'none'",
                "frame-ancestors 'none'",
                "base-uri 'none'");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PageAccessRules.PAGES.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        chain.doFilter(request, response);
    }
}
