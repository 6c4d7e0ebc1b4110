package com.ticketledger.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How fast each projection moves, from the positions its progress was read at over the last {@link #WINDOW}: the
 * page polls every second while a rebuild runs, a scraper reads the gauges, so the samples come for free. A
 * position lower than the last one means the projection was reset; its older samples say nothing any more.
 */
class ProgressRate {

    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private record Sample(Instant at, long position) {
    }

    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    /** Records {@code position} at {@code at} and answers the events per second over the window, if known yet. */
    synchronized OptionalDouble record(String projection, Instant at, long position) {
        Deque<Sample> recent = samples.computeIfAbsent(projection, name -> new ArrayDeque<>());
        if (!recent.isEmpty() && position < recent.peekLast().position()) {
            recent.clear();
        }
        recent.addLast(new Sample(at, position));
        while (recent.size() > 2 && recent.peekFirst().at().isBefore(at.minus(WINDOW))) {
            recent.removeFirst();
        }
        Sample oldest = recent.peekFirst();
        Duration span = Duration.between(oldest.at(), at);
        if (span.compareTo(SHORTEST) < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((position - oldest.position()) * 1000.0 / span.toMillis());
    }
}
