package com.ticketledger.web.language;

import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/** The languages the ledger speaks: English (the default when nothing in {@code Accept-Language} matches) and Spanish. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH_ARGENTINA = Locale.forLanguageTag("es-AR");
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    /** The message bundles: each side's own ({@code messages}) and the shared one of ledger-web. */
    public static final List<String> BUNDLES = List.of("messages", "web-messages");

    private Languages() {
    }

    /** Spring's choice by {@code Accept-Language}: an exact match first, then the language alone, else English. */
    public static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(ENGLISH, SPANISH_ARGENTINA, SPANISH));
        resolver.setDefaultLocale(ENGLISH);
        return resolver;
    }
}
