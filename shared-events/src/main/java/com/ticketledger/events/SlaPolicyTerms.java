package com.ticketledger.events;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one version of an SLA policy promises, as the ledger keeps it: everything a ticket's SLA figures are computed
 * from, so that a read, a report, an "as of" audit and a rebuild give the same answer whatever the configuration
 * says today. The arithmetic lives in {@code com.ticketledger.sla.SlaPolicy}, which refuses terms that do not add up.
 *
 * <p>Targets are written as the desk writes them, a whole number with its unit: {@code 4h} hours of open time of
 * the priority's calendar, {@code 5d} business days of it (also {@code m} and {@code s}, for short test policies).
 * Collections are kept sorted, so that equal terms are written as equal JSON.
 *
 * @param officeCalendar  the calendar that decides whether a ticket was opened out of hours (and so gets its
 *                        priority's {@code outOfHoursResponse})
 * @param calendars       the calendars by name
 * @param priorities      the targets of each priority; every priority must be present
 * @param autoAcceptAfter how long a ticket PENDING_CLOSURE waits for its client before the ledger accepts it,
 *                        counted in its priority's calendar ({@code 5d})
 * @param reopenWindow    how long after its closure the client may still reopen a ticket (calendar time)
 * @param atRiskPercent   the share of a target's open time after which it is at risk (1 to 99)
 */
public record SlaPolicyTerms(
        String officeCalendar,
        Map<String, Calendar> calendars,
        Map<Priority, Targets> priorities,
        String autoAcceptAfter,
        Duration reopenWindow,
        Integer atRiskPercent) {

    public SlaPolicyTerms {
        calendars = calendars == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(calendars));
        priorities = priorities == null || priorities.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(priorities));
    }

    /**
     * A calendar: {@code twentyFourSeven} (every other field is then ignored), or working {@code days} from
     * {@code opens} to {@code closes} (00:00 meaning midnight at the end of the day) except {@code holidays}.
     *
     * @param zone the IANA time zone its days and hours are in, e.g. {@code America/Argentina/Buenos_Aires}
     */
    public record Calendar(String zone, boolean twentyFourSeven, List<DayOfWeek> days, LocalTime opens,
            LocalTime closes, List<LocalDate> holidays) {

        public Calendar {
            days = days == null ? List.of() : days.stream().distinct().sorted().toList();
            holidays = holidays == null ? List.of() : holidays.stream().distinct().sorted().toList();
        }
    }

    /**
     * The targets of one priority.
     *
     * @param outOfHoursResponse the response target of a ticket opened while the office calendar is closed, or
     *                           {@code null} for the same as {@code response}
     * @param update             the longest the client may wait for news (the keep-in-loop target)
     * @param calendar           the name of the calendar its open time is counted in
     */
    public record Targets(String response, String outOfHoursResponse, String resolution, String update,
            String calendar) {
    }
}
