package com.ticketledger.web.access;

import com.ticketledger.web.problem.ProblemWriter;
import com.ticketledger.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/**
 * 401 and 403 as problem+json (API.md "Errors"), with the Basic challenge on a 401; a missing or wrong CSRF token
 * of a page's session is a 403 of its own. A request a web page sends with {@code X-Requested-With: XMLHttpRequest}
 * gets no challenge (Spring Security's own convention), so the browser leaves the page to show its login form and
 * the problem instead of popping up its own dialog.
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
        if (!XML_HTTP_REQUEST.equals(request.getHeader(REQUESTED_WITH))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ticket-ledger\", charset=\"UTF-8\"");
        }
        writer.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "log in with a user name and password of the desk (HTTP Basic, or the web pages' log-in)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        if (accessDeniedException instanceof CsrfException) {
            writer.write(response, Problems.of(HttpStatus.FORBIDDEN, "csrf-token-missing",
                    "a request of a logged-in page must carry the session's CSRF token in its header "
                            + "(the log-in and GET /api/me name it); nothing was done"));
            return;
        }
        writer.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "your role may not do this: " + request.getMethod() + " " + request.getRequestURI()));
    }
}
