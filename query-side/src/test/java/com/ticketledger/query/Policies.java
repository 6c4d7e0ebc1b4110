package com.ticketledger.query;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyTerms;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SLA policy terms for query-side tests: one office calendar (UTC, Monday to Friday 09:00–18:00), one set of targets. */
final class Policies {

    private Policies() {
    }

    /** A policy name no other test uses: {@code standard} stays every older ticket's, the configured one. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The same targets for every priority, counted in the office calendar, with these holidays. */
    static SlaPolicyTerms terms(String response, String resolution, String update, String autoAcceptAfter,
            List<LocalDate> holidays) {
        SlaPolicyTerms.Calendar office = new SlaPolicyTerms.Calendar("UTC", false,
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), holidays);
        Map<Priority, SlaPolicyTerms.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new SlaPolicyTerms.Targets(response, null, resolution, update, "office"));
        }
        return new SlaPolicyTerms("office", Map.of("office", office), targets, autoAcceptAfter, Duration.ofDays(30),
                80);
    }

    /** Holidays this year and the next (New Year's Day of each): a list that has not run out. */
    static List<LocalDate> holidaysAhead() {
        int year = LocalDate.now().getYear();
        return List.of(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }
}
