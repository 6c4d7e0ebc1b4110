package com.ticketledger.command.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text the command side shows has an English and a Spanish version, with the same arguments. */
class TranslationsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"messages", "web-messages"})
    void everyEnglishTextHasASpanishOneAndTheOtherWayRound(String bundle) throws IOException {
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

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
