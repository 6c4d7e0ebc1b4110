package com.ticketledger.web.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Decides a request's language once, before any other filter: every later filter, Spring MVC and the validator
 * see only that locale (the request's {@code getLocale()} answers it, and {@link LocaleContextHolder} holds it),
 * and the response says it in {@code Content-Language}.
 */
public class RequestLanguage extends OncePerRequestFilter {

    private final LocaleResolver resolver;

    public RequestLanguage(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = resolver.resolveLocale(request);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        LocaleContextHolder.setLocale(locale);
        try {
            chain.doFilter(new InLanguage(request, locale), response);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static final class InLanguage extends HttpServletRequestWrapper {

        private final Locale locale;

        InLanguage(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(locale));
        }
    }
}
