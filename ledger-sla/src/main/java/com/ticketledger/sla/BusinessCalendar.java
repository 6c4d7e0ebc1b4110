package com.ticketledger.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When an SLA clock runs. docs/domain.md, "SLA": business hours are Monday to Friday 09:00–18:00 in
 * America/Argentina/Buenos_Aires minus a configurable list of holidays, and CRITICAL tickets count every hour
 * (24x7). Every SLA target is an amount of open time of one of these calendars.
 *
 * <p>The open hours of a day are the instants {@code [opens, closes)} of that local date: the opening instant is
 * open, the closing instant is closed. Local times are turned into instants with {@link java.time.ZonedDateTime}
 * rules, so on a daylight-saving day the hours are as long as the clocks on the wall make them (a 09:00–18:00
 * day is 9 hours unless a transition falls inside it; a time inside a gap moves forward by the gap's length, and
 * a date on which the wall clock never shows the opening time has no hours).
 *
 * <p>Arithmetic walks day by day, never minute by minute: LOW's 135 open hours are about 21 steps, and the open
 * time of a whole year about 365.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final boolean twentyFourSeven;
    private final Set<DayOfWeek> days;
    private final LocalTime opens;
    /** {@link LocalTime#MIDNIGHT} means the end of the day, so that a desk open until midnight can be said. */
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, boolean twentyFourSeven, Set<DayOfWeek> days, LocalTime opens,
            LocalTime closes, Set<LocalDate> holidays) {
        this.zone = zone;
        this.twentyFourSeven = twentyFourSeven;
        this.days = days;
        this.opens = opens;
        this.closes = closes;
        this.holidays = holidays;
    }

    /** Always open: the calendar of CRITICAL tickets, for which weekends and holidays count (docs/domain.md). */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return new BusinessCalendar(Objects.requireNonNull(zone, "zone"), true, EnumSet.allOf(DayOfWeek.class),
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
    }

    /**
     * Open on {@code days} from {@code opens} to {@code closes} (local time in {@code zone}), except on
     * {@code holidays}. {@code closes} of 00:00 means midnight at the end of the day. Overnight hours (22:00–06:00)
     * are refused rather than guessed at: docs/domain.md has no such desk.
     *
     * @throws IllegalArgumentException if the calendar could never open
     */
    public static BusinessCalendar weekly(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        if (zone == null) {
            throw new IllegalArgumentException("a calendar needs a time zone");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a business-hours calendar needs at least one working day");
        }
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("a business-hours calendar needs an opening and a closing time");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "a business day must open before it closes, not " + opens + "–" + closes);
        }
        return new BusinessCalendar(zone, false, EnumSet.copyOf(days), opens, closes,
                holidays == null ? Set.of() : Set.copyOf(holidays));
    }

    /** Whether the clock runs at {@code instant}: from the opening instant (open) to the closing instant (closed). */
    public boolean isOpen(Instant instant) {
        if (twentyFourSeven) {
            return true;
        }
        LocalDate day = LocalDate.ofInstant(instant, zone);
        return contains(hours(day), instant) || contains(hours(day.minusDays(1)), instant);
    }

    /**
     * The instant at which {@code openTime} of open time has passed, counting from {@code start}: the earliest
     * instant {@code t} with {@code openTimeBetween(start, t)} equal to {@code openTime}.
     *
     * <ul>
     *   <li>From a closed instant, counting begins at the next opening.</li>
     *   <li>For a positive amount the result is never strictly inside closed time; it may be exactly a closing
     *       instant. An amount that fills Friday's hours is due on Friday at 18:00, not on Monday at 09:00, so
     *       a breach shows on Friday evening (docs/domain.md: a ticket breaches with no event at all).</li>
     *   <li>A zero amount is due at {@code start} itself, open or closed.</li>
     * </ul>
     *
     * Being the earliest such instant is what makes the laws hold for every start, open or closed:
     * {@code plus(plus(s, a), b) == plus(s, a + b)}, and {@code plus} is monotonic in the start and the amount.
     */
    public Instant plus(Instant start, Duration openTime) {
        Objects.requireNonNull(start, "start");
        if (openTime == null || openTime.isNegative()) {
            throw new IllegalArgumentException("an amount of open time cannot be negative: " + openTime);
        }
        if (openTime.isZero()) {
            return start;
        }
        if (twentyFourSeven) {
            return start.plus(openTime);
        }
        Duration left = openTime;
        // Ends: holidays are finite and at least one weekday has hours, so past the last holiday the calendar
        // opens within a week.
        for (LocalDate day = firstDayTouching(start); ; day = day.plusDays(1)) {
            Hours hours = hours(day);
            if (hours == null) {
                continue;
            }
            Instant from = later(hours.opening(), start);
            if (from.isBefore(hours.closing())) {
                Duration available = Duration.between(from, hours.closing());
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
    }

    /**
     * The open time of one business day, the unit of a target written in days ({@link SlaTarget.Unit#DAYS}):
     * {@code closes − opens} of a weekly calendar (9 h for 09:00–18:00; a {@code closes} of 00:00 counts to
     * midnight), 24 h on a 24x7 one. Every working day of a calendar has the same hours, so N business days
     * counted from an open instant end at the same time of day N working days later (from a closed instant,
     * or from the opening instant itself, at the closing of the N-th working day the count runs through). On a
     * day whose hours a daylight-saving change lengthens or shortens, the count is of open time, as for hours,
     * so such a day moves the due time of day by the change.
     */
    public Duration businessDay() {
        if (twentyFourSeven) {
            return Duration.ofHours(24);
        }
        Duration untilOpening = Duration.between(LocalTime.MIDNIGHT, opens);
        return closes.equals(LocalTime.MIDNIGHT) ? Duration.ofDays(1).minus(untilOpening)
                : Duration.between(opens, closes);
    }

    /** The open time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration openTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (twentyFourSeven) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = firstDayTouching(from); !day.isAfter(last); day = day.plusDays(1)) {
            Hours hours = hours(day);
            if (hours != null) {
                Instant start = later(hours.opening(), from);
                Instant end = earlier(hours.closing(), to);
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    @Override
    public String toString() {
        if (twentyFourSeven) {
            return "24x7 (" + zone + ")";
        }
        return days + " " + opens + "–" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes) + " (" + zone
                + "), " + holidays.size() + " holidays";
    }

    /**
     * The instants a working day is open, or null on a closed day: a weekend, a holiday, or a date on which the
     * wall clock never showed the opening time (a date the zone skipped, like Samoa's 2011-12-30, whose hours
     * would otherwise be resolved onto the next day's and counted twice).
     */
    private Hours hours(LocalDate day) {
        if (!days.contains(day.getDayOfWeek()) || holidays.contains(day)) {
            return null;
        }
        ZonedDateTime opening = day.atTime(opens).atZone(zone);
        if (!opening.toLocalDate().equals(day)) {
            return null;
        }
        Instant closing = closes.equals(LocalTime.MIDNIGHT)
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(closes).atZone(zone).toInstant();
        return new Hours(opening.toInstant(), closing);
    }

    /**
     * The first day whose hours may contain {@code instant}: the day before its own, because a day's hours can
     * end on the next date (a closing time inside a daylight-saving gap just before midnight moves past it).
     */
    private LocalDate firstDayTouching(Instant instant) {
        return LocalDate.ofInstant(instant, zone).minusDays(1);
    }

    private static boolean contains(Hours hours, Instant instant) {
        return hours != null && !instant.isBefore(hours.opening()) && instant.isBefore(hours.closing());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One day's open interval, {@code [opening, closing)}; empty if a daylight-saving gap swallowed it. */
    private record Hours(Instant opening, Instant closing) {
    }
}
