package com.ticketledger.web.monitoring;

import com.ticketledger.events.MetaDataKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request's correlation id in the logging context (MDC key {@code correlationId}, the event metadata's
 * key) while the request is handled, before anything else runs, so every line logged for it carries the id.
 * The id is {@code X-Correlation-Id}, else {@code X-Request-Id}, when it is a plain token (letters, digits,
 * {@code . _ : -}, up to 128); a side that records commands makes a new one otherwise ({@link #newWhenAbsent}),
 * and finds it again with {@link #of}.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String MDC_KEY = MetaDataKeys.CORRELATION_ID;

    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final boolean newWhenAbsent;

    private CorrelationIdFilter(boolean newWhenAbsent) {
        this.newWhenAbsent = newWhenAbsent;
    }

    /** Only a correlation id the caller gave (reads). */
    public static CorrelationIdFilter givenOnly() {
        return new CorrelationIdFilter(false);
    }

    /** The caller's correlation id, or a new one (commands: every event carries one). */
    public static CorrelationIdFilter newWhenAbsent() {
        return new CorrelationIdFilter(true);
    }

    /** The request's correlation id, if it has one. */
    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = token(request.getHeader(HEADER))
                .or(() -> token(request.getHeader(REQUEST_ID_HEADER)))
                .orElse(newWhenAbsent ? UUID.randomUUID().toString() : null);
        if (id == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static Optional<String> token(String given) {
        return Optional.ofNullable(given).filter(value -> TOKEN.matcher(value).matches());
    }
}
