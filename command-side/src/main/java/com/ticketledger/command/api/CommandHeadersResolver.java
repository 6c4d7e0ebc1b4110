package com.ticketledger.command.api;

import com.ticketledger.web.monitoring.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Hands each command handler its {@link CommandHeaders}, read once from the request, with the correlation id
 * {@link CorrelationIdFilter} found or made for it.
 */
@Configuration(proxyBeanMethods = false)
class CommandHeadersResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandHeaders.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String correlationId = CorrelationIdFilter.of(request.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(() -> new IllegalStateException("the request went past no CorrelationIdFilter"));
        return CommandHeaders.read(request.getHeader(CommandHeaders.IF_MATCH),
                request.getHeader(CommandHeaders.IDEMPOTENCY_KEY), correlationId);
    }

    /** Every command's events carry a correlation id: the caller's, or a new one. */
    @Bean
    static CorrelationIdFilter correlationIdFilter() {
        return CorrelationIdFilter.newWhenAbsent();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
