package com.ticketledger.web.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;

import java.io.IOException;
import java.util.Optional;

/**
 * The web pages' log-in: a form posts the user name and password ({@code username}, {@code password}, as a form)
 * to {@code POST /api/login}, checked by the same provider as HTTP Basic; the session it opens is a row in
 * PostgreSQL that both sides read, named by an HttpOnly, SameSite=Strict cookie. A page's unsafe requests carry
 * the session's CSRF token in a header; {@code POST /api/logout} deletes the session, for both sides at once.
 * Requests with an {@code Authorization} header (REST clients) never open a session and need no CSRF token.
 */
public class PageSessions implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    public static final String LOGIN = "/api/login";
    public static final String LOGOUT = "/api/logout";

    /** The header a page sends with each command and its log-out, and the value to send. */
    public record CsrfHeader(String headerName, String token) {
    }

    /** The answer to a log-in: who is logged in, and the CSRF header for the session's unsafe requests. */
    record LoggedIn(String name, Role role, String organisation, SupportLevel level, CsrfHeader csrf) {
    }

    private final ProblemWriter writer;
    private final ObjectMapper objectMapper;

    public PageSessions(ProblemWriter writer, ObjectMapper objectMapper) {
        this.writer = writer;
        this.objectMapper = objectMapper;
    }

    /**
     * The log-in itself: a POST to {@link #LOGIN} marked {@code X-Requested-With: XMLHttpRequest}. A form of another
     * site cannot add that header, and a script of another site needs a preflight this side refuses, so no other
     * site can log a browser in (under its own name) either.
     */
    public static boolean isLogIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath())
                && ProblemAuthenticationHandlers.XML_HTTP_REQUEST.equals(
                        request.getHeader(ProblemAuthenticationHandlers.REQUESTED_WITH));
    }

    /**
     * Needs no CSRF token: a request with an {@code Authorization} header (a browser never adds one by itself), one
     * without a live session (it has no authority a forged request could borrow), and the log-in (see
     * {@link #isLogIn}). Every other unsafe request of a session must carry the token.
     */
    public static boolean csrfExempt(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || isLogIn(request)
                || !request.isRequestedSessionIdValid();
    }

    /**
     * The session's CSRF header for a request authenticated by its session; empty for any other request, whose
     * token is never made (making it would open a session, and HTTP Basic stays stateless).
     */
    public static Optional<CsrfHeader> csrf(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null
                || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return Optional.empty();
        }
        return Optional.of(new CsrfHeader(token.getHeaderName(), token.getToken()));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        DeskPrincipal person = (DeskPrincipal) authentication.getPrincipal();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), new LoggedIn(person.name(), person.role(),
                person.organisation(), person.level(), csrf(request).orElse(null)));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof LoginThrottled throttled) {
            ProblemAuthenticationHandlers.throttled(writer, response, throttled);
            return;
        }
        writer.write(response, HttpStatus.UNAUTHORIZED, "login-refused");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }
}
