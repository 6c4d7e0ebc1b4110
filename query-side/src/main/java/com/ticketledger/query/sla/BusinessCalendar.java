package com.ticketledger.query.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the desk's clock runs: always (24x7, CRITICAL tickets), or on given weekdays between an opening and a
 * closing time in a time zone, except holidays (DOMAIN.md: Monday to Friday 09:00–18:00,
 * America/Argentina/Buenos_Aires). Amounts of time are amounts of open time. Arithmetic walks day by day,
 * never minute by minute, so a 15-business-day target costs a few dozen steps.
 */
public final class BusinessCalendar {

    /** Any sane calendar opens within this many days of any date (a year of holidays would be absurd). */
    private static final int MAX_CLOSED_DAYS = 400;

    private final ZoneId zone;
    private final boolean always;
    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, boolean always, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        this.zone = zone;
        this.always = always;
        this.days = days;
        this.opens = opens;
        this.closes = closes;
        this.holidays = holidays;
    }

    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return new BusinessCalendar(zone, true, EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX, Set.of());
    }

    public static BusinessCalendar weekly(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a business-hours calendar needs at least one working day");
        }
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("a business day must open before it closes: " + opens + "–" + closes);
        }
        return new BusinessCalendar(zone, false, EnumSet.copyOf(days), opens, closes,
                holidays == null ? Set.of() : Set.copyOf(holidays));
    }

    public boolean isOpen(Instant instant) {
        if (always) {
            return true;
        }
        LocalDate day = LocalDate.ofInstant(instant, zone);
        return isWorkingDay(day) && !instant.isBefore(opening(day)) && instant.isBefore(closing(day));
    }

    /**
     * The instant at which {@code openTime} of open time has passed, counting from {@code start}; from a
     * closed instant, counting begins at the next opening. For a positive amount the result is never inside
     * closed time: at the latest it is a closing instant.
     */
    public Instant plus(Instant start, Duration openTime) {
        if (openTime.isNegative()) {
            throw new IllegalArgumentException("open time cannot be negative: " + openTime);
        }
        if (always) {
            return start.plus(openTime);
        }
        Duration left = openTime;
        LocalDate day = LocalDate.ofInstant(start, zone);
        Instant from = start;
        for (int closedDays = 0; closedDays <= MAX_CLOSED_DAYS; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                closedDays++;
                continue;
            }
            closedDays = 0;
            Instant open = later(opening(day), from);
            Instant close = closing(day);
            if (open.isBefore(close)) {
                Duration available = Duration.between(open, close);
                if (left.compareTo(available) <= 0) {
                    return open.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("the calendar stays closed for more than " + MAX_CLOSED_DAYS + " days");
    }

    /** The open time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration openTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant start = later(opening(day), from);
                Instant end = earlier(closing(day), to);
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant opening(LocalDate day) {
        return day.atTime(opens).atZone(zone).toInstant();
    }

    private Instant closing(LocalDate day) {
        return day.atTime(closes).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
