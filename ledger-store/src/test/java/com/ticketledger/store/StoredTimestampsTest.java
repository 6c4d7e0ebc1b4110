package com.ticketledger.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event table's timestamps read by hand give what Axon's parser gives, and whatever it refuses is refused. */
class StoredTimestampsTest {

    @Test
    void readsWhatAxonWrites() {
        assertThat(StoredTimestamps.parse("2026-12-03T08:30:00.123Z")).isEqualTo(Instant.parse("2026-12-03T08:30:00.123Z"));
        assertThat(StoredTimestamps.parse("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThat(StoredTimestamps.parse("1970-01-01T00:00:00.000Z")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void readsOtherOffsetsAndFormsAsAxonDoes() {
        assertThat(StoredTimestamps.parse("2026-12-03T09:30:00.123+01:00"))
                .isEqualTo(Instant.parse("2026-12-03T08:30:00.123Z"));
        assertThat(StoredTimestamps.parse("2026-12-03T08:30:00Z")).isEqualTo(Instant.parse("2026-12-03T08:30:00Z"));
        assertThat(StoredTimestamps.parse("2026-12-03T08:30:00.1Z")).isEqualTo(Instant.parse("2026-12-03T08:30:00.100Z"));
    }

    @Test
    void refusesDatesThatDoNotExist() {
        assertThatThrownBy(() -> StoredTimestamps.parse("2025-02-29T10:00:00.000Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-13-01T10:00:00.000Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-12-03T24:00:00.000Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-12-3T08:30:00.123Z"))
                .isInstanceOf(DateTimeParseException.class);
    }

    /** Every instant Axon can write (to the millisecond) reads back as itself. */
    @Property(tries = 2000)
    void readsBackEveryInstantAxonWrites(@ForAll("instants") Instant instant) {
        String stored = DateTimeUtils.formatInstant(instant);

        assertThat(StoredTimestamps.parse(stored)).isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Any UTC timestamp with one to nine digits of the second reads as Axon's parser reads it. */
    @Property(tries = 2000)
    void readsEveryFractionAsAxonDoes(@ForAll("utcForms") String stored) {
        assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    /** Any text of the stored length: the same instant as Axon's parser, or refused as Axon refuses it. */
    @Property(tries = 2000)
    void agreesWithAxonOnAnyText(@ForAll("nearlyTimestamps") String text) {
        Instant axon;
        try {
            axon = DateTimeUtils.parseInstant(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> StoredTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(StoredTimestamps.parse(text)).isEqualTo(axon);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** An instant's date and time of day in UTC, with one to nine digits of the second. */
    @Provide
    Arbitrary<String> utcForms() {
        return instants().flatMap(instant -> Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9)
                .map(fraction -> DateTimeUtils.formatInstant(instant).substring(0, 19) + "." + fraction + "Z"));
    }

    /** A stored timestamp with one character changed, or left as it is. */
    @Provide
    Arbitrary<String> nearlyTimestamps() {
        Arbitrary<Character> characters = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', '.', 'Z', '+', ' ', 'x');
        return utcForms().flatMap(text -> Arbitraries.integers().between(-1, text.length() - 1).flatMap(at -> characters
                .map(c -> at < 0 ? text : text.substring(0, at) + c + text.substring(at + 1))));
    }
}
