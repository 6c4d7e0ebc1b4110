package com.ticketledger.query.sla;

import com.ticketledger.events.Priority;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The SLA arithmetic of one policy (DOMAIN.md, "Priorities"): each priority's response and resolution
 * targets, measured in open time of its calendar. A target is at risk once 80 % of it is used and breached
 * past 100 %; the resolution clock stops while the ticket is pending closure, and escalation resets nothing.
 */
public final class SlaPolicy {

    private record Target(Duration response, Duration outOfHoursResponse, Duration resolution,
            BusinessCalendar calendar) {
    }

    private final Map<Priority, Target> targets = new EnumMap<>(Priority.class);
    private final BusinessCalendar office;

    public SlaPolicy(SlaProperties properties) {
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        properties.calendars().forEach((name, calendar) -> calendars.put(name, calendar(name, calendar)));
        office = calendars.get(properties.officeCalendar());
        if (office == null) {
            throw new IllegalArgumentException("ledger.sla.office-calendar names no calendar: "
                    + properties.officeCalendar());
        }
        for (Priority priority : Priority.values()) {
            SlaProperties.TargetProperties target = properties.priorities().get(priority);
            if (target == null) {
                throw new IllegalArgumentException("ledger.sla.priorities." + priority + " is not configured");
            }
            BusinessCalendar calendar = calendars.get(target.calendar());
            if (calendar == null) {
                throw new IllegalArgumentException("ledger.sla.priorities." + priority + ".calendar names no calendar: "
                        + target.calendar());
            }
            positive(priority + ".response", target.response());
            positive(priority + ".resolution", target.resolution());
            if (target.outOfHoursResponse() != null) {
                positive(priority + ".out-of-hours-response", target.outOfHoursResponse());
            }
            targets.put(priority, new Target(target.response(), target.outOfHoursResponse(), target.resolution(),
                    calendar));
        }
    }

    /** The response clock runs from the opening; a ticket opened out of office hours may have a longer target. */
    public Deadlines responseDeadlines(Priority priority, Instant openedAt) {
        Target target = targets.get(priority);
        Duration allowed = target.outOfHoursResponse() != null && !office.isOpen(openedAt)
                ? target.outOfHoursResponse() : target.response();
        return deadlines(target.calendar(), openedAt, Duration.ZERO, allowed);
    }

    /** The resolution clock running since {@code runningSince}, with {@code consumed} open time used before. */
    public Deadlines resolutionDeadlines(Priority priority, Instant runningSince, Duration consumed) {
        Target target = targets.get(priority);
        return deadlines(target.calendar(), runningSince, consumed, target.resolution());
    }

    /** The open time the priority's clock ran between two instants. */
    public Duration consumed(Priority priority, Instant from, Instant to) {
        return targets.get(priority).calendar().openTimeBetween(from, to);
    }

    /**
     * A target's state at {@code now}: done (at {@code completedAt}) it is MET, or BREACHED if done late;
     * stopped (since {@code pausedAt}) it is PAUSED, or BREACHED if it stopped late; running it is BREACHED
     * past the due instant, AT_RISK from the 80 % instant, RUNNING before.
     */
    public static SlaState state(Deadlines deadlines, Instant completedAt, Instant pausedAt, Instant now) {
        if (completedAt != null) {
            return completedAt.isAfter(deadlines.dueAt()) ? SlaState.BREACHED : SlaState.MET;
        }
        if (pausedAt != null) {
            return pausedAt.isAfter(deadlines.dueAt()) ? SlaState.BREACHED : SlaState.PAUSED;
        }
        if (now.isAfter(deadlines.dueAt())) {
            return SlaState.BREACHED;
        }
        return now.isBefore(deadlines.atRiskAt()) ? SlaState.RUNNING : SlaState.AT_RISK;
    }

    private static Deadlines deadlines(BusinessCalendar calendar, Instant start, Duration consumed, Duration allowed) {
        Duration atRisk = allowed.multipliedBy(4).dividedBy(5);
        return new Deadlines(remaining(calendar, start, atRisk.minus(consumed)),
                remaining(calendar, start, allowed.minus(consumed)));
    }

    /** An amount already used up is due at once. */
    private static Instant remaining(BusinessCalendar calendar, Instant start, Duration left) {
        return left.isNegative() || left.isZero() ? start : calendar.plus(start, left);
    }

    private static BusinessCalendar calendar(String name, SlaProperties.CalendarProperties calendar) {
        if (calendar.zone() == null) {
            throw new IllegalArgumentException("ledger.sla.calendars." + name + ".zone is not set");
        }
        ZoneId zone = ZoneId.of(calendar.zone());
        return calendar.twentyFourSeven() ? BusinessCalendar.twentyFourSeven(zone)
                : BusinessCalendar.weekly(zone, calendar.days(), calendar.opens(), calendar.closes(), calendar.holidays());
    }

    private static void positive(String what, Duration amount) {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("ledger.sla.priorities." + what + " must be a positive duration");
        }
    }
}
