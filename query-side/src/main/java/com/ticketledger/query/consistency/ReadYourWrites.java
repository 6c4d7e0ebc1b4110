package com.ticketledger.query.consistency;

import com.ticketledger.query.processing.ProjectionPositions;
import com.ticketledger.query.processing.WatchedEventSource;
import com.ticketledger.web.openapi.ResponseHeaders;
import com.ticketledger.web.problem.InvalidField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.Locale;

/**
 * Before a read of a {@link ReadsProjection} controller that names a position ({@code minPosition}, or the
 * {@code X-Ledger-Position} header a command answered with), waits until that projection has processed it
 * ({@link ProjectionPositions#awaitProcessed}: woken as its batches end), up to {@code ledger.reads.max-wait} (5 s),
 * then {@link ProjectionBehind} (503 with Retry-After).
 * A read that has to wait first has the projection's stream read the ledger at once: the event it waits for was
 * committed before the command answered, and would otherwise be read only at the end of the stream's pause
 * ({@code ledger.processing.fetch-delay}). The read answers with the time it waited ({@code Server-Timing}).
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWrites implements HandlerInterceptor, WebMvcConfigurer {

    private final ProjectionPositions positions;
    private final WatchedEventSource ledger;
    private final Duration maxWait;

    ReadYourWrites(ProjectionPositions positions, WatchedEventSource ledger, ReadProperties properties) {
        this.positions = positions;
        this.ledger = ledger;
        this.maxWait = properties.maxWait();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsProjection reads = method.getBeanType().getAnnotation(ReadsProjection.class);
        if (reads == null) {
            return true;
        }
        if (positions.isReplaying(reads.value())) {
            // the data may be incomplete
            response.setHeader(ResponseHeaders.PROJECTION_REBUILDING, "true");
        }
        Long wanted = wantedPosition(request);
        if (wanted == null) {
            return true;
        }
        long began = System.nanoTime();
        if (!positions.hasProcessed(reads.value(), wanted)) {
            ledger.readNow(reads.value());
            if (!positions.awaitProcessed(reads.value(), wanted, maxWait)) {
                throw new ProjectionBehind(reads.value(), wanted, maxWait);
            }
        }
        response.setHeader(ResponseHeaders.SERVER_TIMING, waited(System.nanoTime() - began));
        return true;
    }

    /**
     * How long a read naming a position waited for its projection, as Server-Timing writes a duration:
     * {@code projection;dur=} and milliseconds.
     */
    static String waited(long nanos) {
        return String.format(Locale.ROOT, "projection;dur=%.1f", nanos / 1e6);
    }

    private static Long wantedPosition(HttpServletRequest request) {
        String parameter = request.getParameter("minPosition");
        String value = parameter != null ? parameter : request.getHeader("X-Ledger-Position");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new InvalidField(parameter != null ? "minPosition" : "X-Ledger-Position",
                    "field.position");
        }
    }
}
