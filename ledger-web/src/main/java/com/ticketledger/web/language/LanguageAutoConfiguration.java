package com.ticketledger.web.language;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

import java.nio.charset.StandardCharsets;

/**
 * The texts people read come from the {@code messages} bundles (UTF-8, English base, {@code _es} Spanish) in the
 * request's language; every text goes through MessageFormat, so a quote is written {@code ''}.
 */
@AutoConfiguration(before = {MessageSourceAutoConfiguration.class, WebMvcAutoConfiguration.class})
@ConditionalOnWebApplication
public class LanguageAutoConfiguration {

    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(Languages.BUNDLES.toArray(String[]::new));
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    @Bean
    public LocaleResolver localeResolver() {
        return Languages.resolver();
    }

    @Bean
    public FilterRegistrationBean<RequestLanguage> requestLanguage(LocaleResolver localeResolver) {
        FilterRegistrationBean<RequestLanguage> registration =
                new FilterRegistrationBean<>(new RequestLanguage(localeResolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
