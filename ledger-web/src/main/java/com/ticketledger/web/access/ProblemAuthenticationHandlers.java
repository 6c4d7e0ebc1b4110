package com.ticketledger.web.access;

import com.ticketledger.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.util.Locale;

/**
 * 401 and 403 as problem+json (docs/api.md "Errors"), with the Basic challenge on a 401; a missing or wrong CSRF
 * token of a page's session is a 403 of its own; 429 with {@code Retry-After} when {@link LoginThrottle} refuses a
 * log-in. A request a web page sends with {@code X-Requested-With: XMLHttpRequest} gets no challenge (Spring
 * Security's own convention), so the browser leaves the page to show its login form and the problem instead of
 * popping up its own dialog.
 */
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REQUESTED_WITH = "X-Requested-With";
    static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private final ProblemWriter writer;

    public ProblemAuthenticationHandlers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (authException instanceof LoginThrottled throttled) {
            throttled(writer, response, throttled);
            return;
        }
        if (!XML_HTTP_REQUEST.equals(request.getHeader(REQUESTED_WITH))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ticket-ledger\", charset=\"UTF-8\"");
        }
        writer.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        if (accessDeniedException instanceof CsrfException) {
            writer.write(response, HttpStatus.FORBIDDEN, "csrf-token-missing");
            return;
        }
        writer.write(response, HttpStatus.FORBIDDEN, "forbidden", request.getMethod(), request.getRequestURI());
    }

    /** Too many failed log-ins (HTTP Basic or the pages' form): 429 with {@code Retry-After}. */
    static void throttled(ProblemWriter writer, HttpServletResponse response, LoginThrottled throttled)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        writer.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-log-ins",
                new DefaultMessageSourceResolvable("login-limit." + throttled.scope().name().toLowerCase(Locale.ROOT)),
                throttled.retryAfterSeconds());
    }
}
