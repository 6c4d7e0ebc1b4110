package com.ticketledger.web.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A web page's session is read from PostgreSQL before Spring MVC sees the request, so when the database cannot
 * be reached the failure comes from a filter, out of {@link LedgerProblemAdvice}'s reach. This filter, around the
 * session filter, answers it the same way: 503 with Retry-After, as a problem.
 */
public class StoreUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);

    private final ProblemWriter problems;

    public StoreUnavailableFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!LedgerProblemAdvice.unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("the store is unreachable (session): {}", e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, LedgerProblemAdvice.RETRY_AFTER_SECONDS);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable");
        }
    }
}
