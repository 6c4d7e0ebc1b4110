package com.ticketledger.command.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every command request once it is answered, as {@code ledger.commands} tagged with the command
 * ({@link Sends}), the outcome ({@code accepted} for 2xx, {@code refused} for 4xx: bad input, role, state,
 * version, key; {@code failed} for 5xx, such as PostgreSQL away) and the status. Requests refused before they
 * reach a handler (no or wrong credentials, 401) are not commands and are not counted.
 */
@Component
class CommandOutcomes implements HandlerInterceptor, WebMvcConfigurer {

    static final String METER = "ledger.commands";

    private static final Logger log = LoggerFactory.getLogger(CommandOutcomes.class);

    /** One key per command, outcome and status. */
    private record Outcome(String command, String outcome, int status) {
    }

    private final MeterRegistry registry;
    /** The counters met so far: building one looks it up in the registry by its name and sorted tags. */
    private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();

    CommandOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/tickets", "/api/tickets/**", "/api/queues/**", "/api/clients",
                "/api/clients/**", "/api/sla-policies", "/api/sla-policies/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception unhandled) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Sends.class)) {
            return;
        }
        String command = method.getMethodAnnotation(Sends.class).value().getSimpleName();
        int status = unhandled != null && response.getStatus() < 400 ? 500 : response.getStatus();
        String outcome = status < 400 ? "accepted" : status < 500 ? "refused" : "failed";
        counters.computeIfAbsent(new Outcome(command, outcome, status), key -> Counter.builder(METER)
                        .description("Command requests answered, by command, outcome and status")
                        .tag("command", key.command())
                        .tag("outcome", key.outcome())
                        .tag("status", Integer.toString(key.status()))
                        .register(registry))
                .increment();
        log.debug("{} {} with {}", command, outcome, status);
    }
}
