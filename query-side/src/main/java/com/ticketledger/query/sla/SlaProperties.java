package com.ticketledger.query.sla;

import com.ticketledger.events.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * {@code ledger.sla.*}: the SLA policy. Defaults (application.yml) are DOMAIN.md's table.
 *
 * @param officeCalendar the calendar that says whether a ticket was opened out of hours
 * @param calendars      calendars by name
 * @param priorities     the targets of each priority
 */
@ConfigurationProperties("ledger.sla")
public record SlaProperties(String officeCalendar, Map<String, CalendarProperties> calendars,
        Map<Priority, TargetProperties> priorities) {

    /**
     * A calendar: {@code twenty-four-seven: true}, or working {@code days} from {@code opens} to
     * {@code closes} except {@code holidays}, in time zone {@code zone}.
     */
    public record CalendarProperties(String zone, boolean twentyFourSeven, Set<DayOfWeek> days, LocalTime opens,
            LocalTime closes, Set<LocalDate> holidays) {
    }

    /**
     * The targets of one priority, as amounts of open time of its calendar.
     *
     * @param outOfHoursResponse the response target of a ticket opened while the office calendar is closed;
     *                           {@code null} for the same as {@code response}
     */
    public record TargetProperties(Duration response, Duration outOfHoursResponse, Duration resolution,
            String calendar) {
    }
}
