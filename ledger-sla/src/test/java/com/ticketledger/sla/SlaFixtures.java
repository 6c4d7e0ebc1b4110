package com.ticketledger.sla;

import com.ticketledger.events.Priority;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** docs/domain.md's desk, written once for every SLA test: Buenos Aires, Monday to Friday 09:00–18:00, holidays. */
public final class SlaFixtures {

    public static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /**
     * Argentina's 2026–2027 holidays of sla-defaults.yml, plus Christmas Eve and New Year's Eve 2027 and the
     * week between them, so that the laws also meet long closed stretches.
     */
    public static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 3, 24), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 20),
            LocalDate.of(2026, 7, 9), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 25),
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9),
            LocalDate.of(2027, 3, 24), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 4, 2),
            LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 25), LocalDate.of(2027, 6, 20),
            LocalDate.of(2027, 7, 9), LocalDate.of(2027, 12, 8), LocalDate.of(2027, 12, 25),
            LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28),
            LocalDate.of(2027, 12, 29), LocalDate.of(2027, 12, 30), LocalDate.of(2027, 12, 31));

    public static final BusinessCalendar OFFICE = BusinessCalendar.weekly(BUENOS_AIRES, WEEKDAYS, LocalTime.of(9, 0),
            LocalTime.of(18, 0), HOLIDAYS);

    public static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven(BUENOS_AIRES);

    private SlaFixtures() {
    }

    /** An instant read on a Buenos Aires wall clock, e.g. {@code local("2026-11-27T17:00")}. */
    public static Instant local(String dateTime) {
        return at(BUENOS_AIRES, dateTime);
    }

    /** An instant read on the wall clock of {@code zone} (the earlier one, if the clocks went back). */
    public static Instant at(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    public static SlaProperties.CalendarProperties businessHours() {
        return new SlaProperties.CalendarProperties(BUENOS_AIRES, false, WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(18, 0), HOLIDAYS);
    }

    public static SlaProperties.CalendarProperties twentyFourSeven() {
        return new SlaProperties.CalendarProperties(BUENOS_AIRES, true, null, null, null, null);
    }

    /** docs/domain.md's table, as in sla-defaults.yml: hours of open time, and business days. */
    public static Map<Priority, SlaProperties.TargetProperties> domainTargets() {
        Map<Priority, SlaProperties.TargetProperties> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.CRITICAL, target(SlaTarget.hours(2), SlaTarget.hours(8), SlaTarget.hours(1), "always"));
        targets.put(Priority.HIGH, target(SlaTarget.hours(4), SlaTarget.days(1), SlaTarget.hours(4), "business-hours"));
        targets.put(Priority.MEDIUM, target(SlaTarget.days(1), SlaTarget.days(5), SlaTarget.days(1), "business-hours"));
        targets.put(Priority.LOW, target(SlaTarget.days(4), SlaTarget.days(15), SlaTarget.days(3), "business-hours"));
        return targets;
    }

    /** A priority's targets with an update target of {@code response}'s length, the usual when only two matter. */
    public static SlaProperties.TargetProperties target(SlaTarget response, SlaTarget resolution, String calendar) {
        return target(response, resolution, response, calendar);
    }

    public static SlaProperties.TargetProperties target(SlaTarget response, SlaTarget resolution, SlaTarget update,
            String calendar) {
        return new SlaProperties.TargetProperties(response, null, resolution, update, calendar);
    }

    public static SlaProperties properties(Map<Priority, SlaProperties.TargetProperties> targets) {
        return new SlaProperties("business-hours",
                Map.of("business-hours", businessHours(), "always", twentyFourSeven()), targets);
    }

    /** docs/domain.md's default policy, holidays included. */
    public static SlaPolicy domainPolicy() {
        return new SlaPolicy(properties(domainTargets()));
    }
}
