package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyTerms;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ledger.sla.*}: the SLA policy. Every value of it is configurable (docs/domain.md); its default table
 * lives in the query side's YAML (as in {@code sla-defaults.yml}), and {@link SlaPolicy} refuses a policy that does
 * not add up when the query side starts, rather than on the first ticket.
 *
 * @param officeCalendar the calendar that decides whether a ticket was opened out of hours (and so gets its
 *                       priority's {@code out-of-hours-response}); {@code business-hours} unless set
 * @param calendars      calendars by name
 * @param priorities     the targets of each priority; every priority must be present
 */
@ConfigurationProperties("ledger.sla")
public record SlaProperties(@DefaultValue("business-hours") String officeCalendar,
        Map<String, CalendarProperties> calendars, Map<Priority, TargetProperties> priorities) {

    /**
     * This configuration as the terms of a policy version the ledger keeps (version 1 of {@code standard} is written
     * from it at first start), with the closure terms the configuration keeps elsewhere. A missing calendar or
     * priority stays missing, for {@link SlaPolicy} to name.
     */
    public SlaPolicyTerms terms(SlaTarget autoAcceptAfter, Duration reopenWindow) {
        Map<String, SlaPolicyTerms.Calendar> calendarTerms = new TreeMap<>();
        if (calendars != null) {
            calendars.forEach((name, calendar) -> calendarTerms.put(name, calendar == null ? null
                    : new SlaPolicyTerms.Calendar(calendar.zone() == null ? null : calendar.zone().getId(),
                            calendar.twentyFourSeven(),
                            calendar.twentyFourSeven() || calendar.days() == null ? null : List.copyOf(calendar.days()),
                            calendar.twentyFourSeven() ? null : calendar.opens(),
                            calendar.twentyFourSeven() ? null : calendar.closes(),
                            calendar.twentyFourSeven() || calendar.holidays() == null ? null
                                    : List.copyOf(calendar.holidays()))));
        }
        Map<Priority, SlaPolicyTerms.Targets> targetTerms = new EnumMap<>(Priority.class);
        if (priorities != null) {
            priorities.forEach((priority, target) -> {
                if (target != null) {
                    targetTerms.put(priority, new SlaPolicyTerms.Targets(written(target.response()),
                            written(target.outOfHoursResponse()), written(target.resolution()),
                            written(target.update()), target.calendar()));
                }
            });
        }
        return new SlaPolicyTerms(officeCalendar, calendarTerms, targetTerms, written(autoAcceptAfter), reopenWindow,
                SlaPolicy.DEFAULT_AT_RISK_PERCENT);
    }

    private static String written(SlaTarget target) {
        return target == null ? null : target.toString();
    }

    /**
     * A calendar: {@code twenty-four-seven: true} (the other fields are then ignored), or working {@code days}
     * from {@code opens} to {@code closes} except {@code holidays}. The shape of the week defaults to docs/domain.md's
     * (Monday to Friday, 09:00–18:00, no holidays); the zone has no default, because where a desk is cannot be
     * guessed (and the JVM's zone must never decide it).
     *
     * @param closes 00:00 means midnight at the end of the day
     */
    public record CalendarProperties(ZoneId zone, boolean twentyFourSeven,
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
            @DefaultValue("09:00") LocalTime opens, @DefaultValue("18:00") LocalTime closes,
            @DefaultValue Set<LocalDate> holidays) {
    }

    /**
     * The targets of one priority, each written with its unit ({@link SlaTarget}): {@code Nh} hours of open time of
     * its {@code calendar}, {@code Nd} business days of it (docs/domain.md: "5d" is five desk days, 45 open hours
     * on 09:00–18:00). A target without a unit, or with an unknown one, fails the binding at start.
     *
     * @param outOfHoursResponse the response target of a ticket opened while the office calendar is closed
     *                           (a desk's longer first response out of hours), also counted in open time of
     *                           {@code calendar}; {@code null} for the same as {@code response}
     * @param update             the longest the client may wait for news: open time of {@code calendar} from the
     *                           opening, a reopening or the desk's last public note to the next one (the
     *                           keep-in-loop target); required like the other two
     */
    public record TargetProperties(SlaTarget response, SlaTarget outOfHoursResponse, SlaTarget resolution,
            SlaTarget update, String calendar) {
    }
}
