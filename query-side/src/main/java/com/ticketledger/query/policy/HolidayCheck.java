package com.ticketledger.query.policy;

import com.ticketledger.events.SlaPolicyTerms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a policy version's holiday lists have run out: a weekly calendar (not 24x7) with no holiday in the current
 * year or in the next one, each year as the calendar's own zone has it at {@code now}. Such a calendar counts every
 * coming holiday as a working day, so the desk is told (a warning at start and when a version arrives, and a detail
 * of the health), though nothing stops: a year without holidays is a choice a desk may make.
 */
final class HolidayCheck {

    private HolidayCheck() {
    }

    /** What has run out, one line per calendar and year ({@code "business-hours has no holiday in 2027"}). */
    static List<String> runOut(SlaPolicyTerms terms, Instant now) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, SlaPolicyTerms.Calendar> named : terms.calendars().entrySet()) {
            SlaPolicyTerms.Calendar calendar = named.getValue();
            if (calendar == null || calendar.twentyFourSeven()) {
                continue;
            }
            int year = LocalDate.ofInstant(now, zone(calendar)).getYear();
            for (int wanted : List.of(year, year + 1)) {
                if (calendar.holidays().stream().noneMatch(day -> day.getYear() == wanted)) {
                    problems.add(named.getKey() + " has no holiday in " + wanted);
                }
            }
        }
        return problems;
    }

    private static ZoneId zone(SlaPolicyTerms.Calendar calendar) {
        try {
            return calendar.zone() == null ? ZoneId.of("UTC") : ZoneId.of(calendar.zone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
