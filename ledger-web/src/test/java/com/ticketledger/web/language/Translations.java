package com.ticketledger.web.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each side's tests: a bundle on the class path has a Spanish text for every English key and the other way
 * round, with the same arguments, and each text is a valid MessageFormat pattern.
 */
public final class Translations {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private Translations() {
    }

    public static void assertEveryTextInBothLanguages(String bundle) {
        Properties english = load(bundle + ".properties");
        Properties spanish = load(bundle + "_es.properties");
        assertThat(english).isNotEmpty();
        assertThat(new TreeSet<>(spanish.stringPropertyNames())).as("keys of %s_es", bundle)
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String es = spanish.getProperty(key);
            assertThat(es).as(key).isNotBlank();
            assertThat(arguments(es)).as("arguments of %s", key).isEqualTo(arguments(en));
            new MessageFormat(en);
            new MessageFormat(es);
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            arguments.add(matcher.group(1));
        }
        return arguments;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
