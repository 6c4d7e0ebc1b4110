package com.ticketledger.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreUnavailableFilterTest {

    final StoreUnavailableFilter filter = new StoreUnavailableFilter(new ProblemWriter(new ObjectMapper(),
            new ProblemTexts(webMessages())));

    static ResourceBundleMessageSource webMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("web-messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }

    @Test
    void aSessionThatCannotBeReadBecauseTheDatabaseIsAwayIsA503Problem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/me"), response, (request, answer) -> {
            throw new CannotGetJdbcConnectionException("Connection refused");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(LedgerProblemAdvice.RETRY_AFTER_SECONDS);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:ticketledger:problem:store-unavailable")
                .contains("nothing was recorded");
    }

    @Test
    void anythingElseIsLeftAlone() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/me"),
                new MockHttpServletResponse(), (request, answer) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
