package com.ticketledger.sla;

import com.ticketledger.events.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The SLA arithmetic of one policy (docs/domain.md, "SLA"): each priority's response and resolution targets,
 * measured in open time of that priority's calendar; a target written in days ({@link SlaTarget}) is that many of the
 * calendar's business days.
 *
 * <ul>
 *   <li>Response runs from the opening until the first response; a ticket opened while the office calendar is
 *       closed may have a longer, out-of-hours response target (the desks' "fuera de horario").</li>
 *   <li>Resolution runs from the opening until pending closure; the clock stops while the ticket is
 *       PENDING_CLOSURE and runs again on reopening, so the caller keeps the open time already consumed and the
 *       instant the clock started running again. Escalation resets nothing, so it never reaches this class.</li>
 *   <li>A target is at risk once 80 % of it is consumed and breached strictly after the due instant.</li>
 *   <li>A reclassified ticket takes its new priority's targets measured from the opening, as if it had had that
 *       priority all along ({@link #responseDeadlines}, {@link #resolutionClock}); its pauses stay pauses.</li>
 *   <li>A cancelled ticket's clocks stop: a target met before the cancellation keeps its state, any other
 *       reads CANCELLED, neither met nor breached.</li>
 * </ul>
 *
 * The deadlines depend only on stored instants; the state is computed against the time of reading, because a
 * breach is a fact about time passing, not an event.
 */
public final class SlaPolicy {

    /** docs/domain.md, "SLA": a target is at risk once 80 % of its allowed open time is used. */
    static final int AT_RISK_PERCENT = 80;

    private final BusinessCalendar office;
    private final Map<Priority, Targets> targets = new EnumMap<>(Priority.class);

    /**
     * Builds the policy once, at start: a policy that does not add up stops the query side with every problem
     * named by its property, instead of failing on the first ticket of a forgotten priority.
     *
     * @throws IllegalArgumentException if a priority is missing, a calendar is unknown or cannot open, or a
     *                                  target is not a positive amount
     */
    public SlaPolicy(SlaProperties properties) {
        Objects.requireNonNull(properties, "properties");
        List<String> problems = new ArrayList<>();
        Map<String, BusinessCalendar> calendars = calendars(properties, problems);
        office = named(calendars, properties.officeCalendar());
        if (office == null) {
            problems.add("ledger.sla.office-calendar names no calendar: " + properties.officeCalendar()
                    + " (known: " + calendars.keySet() + ")");
        }
        Map<Priority, SlaProperties.TargetProperties> configured =
                properties.priorities() == null ? Map.of() : properties.priorities();
        for (Priority priority : Priority.values()) {
            String path = "ledger.sla.priorities." + priority;
            SlaProperties.TargetProperties target = configured.get(priority);
            if (target == null) {
                problems.add(path + " is not configured");
                continue;
            }
            BusinessCalendar calendar = named(calendars, target.calendar());
            if (calendar == null) {
                problems.add(path + ".calendar names no calendar: " + target.calendar()
                        + " (known: " + calendars.keySet() + ")");
            }
            positive(problems, path + ".response", target.response());
            positive(problems, path + ".resolution", target.resolution());
            if (target.outOfHoursResponse() != null) {
                positive(problems, path + ".out-of-hours-response", target.outOfHoursResponse());
            }
            if (calendar != null && problems.isEmpty()) {
                SlaTarget outOfHours = target.outOfHoursResponse() == null ? target.response()
                        : target.outOfHoursResponse();
                targets.put(priority, new Targets(target.response().openTime(calendar), outOfHours.openTime(calendar),
                        target.resolution().openTime(calendar), calendar));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the SLA policy does not add up: " + String.join("; ", problems));
        }
    }

    /**
     * The response target's deadlines for a ticket opened at {@code openedAt}: its priority's out-of-hours
     * response if the office calendar is closed at that instant (and the priority has one), else its response.
     * Either is counted in open time of the priority's calendar, starting at the opening.
     */
    public Deadlines responseDeadlines(Priority priority, Instant openedAt) {
        Objects.requireNonNull(openedAt, "openedAt");
        Targets target = targets(priority);
        Duration allowed = openedOutOfHours(openedAt) ? target.outOfHoursResponse() : target.response();
        return deadlines(target.calendar(), openedAt, Duration.ZERO, allowed);
    }

    /**
     * The resolution target's deadlines while its clock runs: running since {@code runningSince} (the opening,
     * or the last reopening), with {@code consumed} open time already used before that (zero at opening).
     * A target already used up is due at {@code runningSince}, so it reads as BREACHED from the next instant on.
     */
    public Deadlines resolutionDeadlines(Priority priority, Instant runningSince, Duration consumed) {
        Objects.requireNonNull(runningSince, "runningSince");
        if (consumed == null || consumed.isNegative()) {
            throw new IllegalArgumentException("consumed open time cannot be negative: " + consumed);
        }
        Targets target = targets(priority);
        return deadlines(target.calendar(), runningSince, consumed, target.resolution());
    }

    /**
     * The open time the priority's clock ran between two instants: what a ticket adds to its consumed
     * resolution time when it goes to pending closure.
     */
    public Duration consumed(Priority priority, Instant from, Instant to) {
        return targets(priority).calendar().openTimeBetween(from, to);
    }

    /**
     * The automatic acceptance of a ticket of this priority that went to pending closure at {@code pendingSince}:
     * accepted once {@code period} of open time of the priority's calendar has passed ({@code 5d} is five of its
     * business days), and its client warned one business day of that calendar earlier. The warning is the instant
     * at which all but the last business day of the period has passed, so it never falls before the pending closure:
     * a period of a business day or less warns at once.
     */
    public AcceptanceWindow acceptanceWindow(Priority priority, Instant pendingSince, SlaTarget period) {
        Objects.requireNonNull(pendingSince, "pendingSince");
        if (period == null || period.amount() <= 0) {
            throw new IllegalArgumentException("an acceptance period must be a positive amount, not " + period);
        }
        BusinessCalendar calendar = targets(priority).calendar();
        Duration allowed = period.openTime(calendar);
        Duration beforeWarning = allowed.minus(calendar.businessDay());
        return new AcceptanceWindow(
                calendar.plus(pendingSince, beforeWarning.isNegative() ? Duration.ZERO : beforeWarning),
                calendar.plus(pendingSince, allowed));
    }

    /** Whether a ticket opened at {@code openedAt} was opened out of hours: the office calendar was closed. */
    public boolean openedOutOfHours(Instant openedAt) {
        return !office.isOpen(openedAt);
    }

    /**
     * The resolution clock of a ticket of this priority, measured from its opening: it ran from the opening
     * until the first pause, from the end of each pause until the next, and from the end of the last pause until
     * {@code stoppedAt} if it is stopped now (pending closure, or cancelled) or is still running otherwise. The
     * deadlines are the ones in force: while stopped, those it had when it stopped. Opening, pending closure and
     * reopening move the clock step by step to the same result; a reclassification, which changes the priority
     * (and so the target and the calendar the open time is counted in), measures it again from the opening.
     *
     * @param pauses    the clock's completed stops (pending closure until reopening), oldest first
     * @param stoppedAt when the clock stopped, if it is stopped now; {@code null} while it runs
     */
    public ResolutionClock resolutionClock(Priority priority, Instant openedAt, List<Pause> pauses,
            Instant stoppedAt) {
        Objects.requireNonNull(openedAt, "openedAt");
        BusinessCalendar calendar = targets(priority).calendar();
        Instant lastStart = openedAt;
        Duration consumed = Duration.ZERO;
        for (Pause pause : pauses) {
            consumed = consumed.plus(calendar.openTimeBetween(lastStart, pause.from()));
            lastStart = pause.to();
        }
        Deadlines deadlines = resolutionDeadlines(priority, lastStart, consumed);
        return stoppedAt == null ? new ResolutionClock(consumed, lastStart, deadlines)
                : new ResolutionClock(consumed.plus(calendar.openTimeBetween(lastStart, stoppedAt)), null, deadlines);
    }

    /** One stop of the resolution clock: pending closure {@code from}, reopened {@code to}. */
    public record Pause(Instant from, Instant to) {
    }

    /**
     * A resolution clock as the status row keeps it.
     *
     * @param consumed     open time consumed before {@code runningSince}, or in all while stopped
     * @param runningSince when it last started running; {@code null} while stopped
     * @param deadlines    the deadlines in force
     */
    public record ResolutionClock(Duration consumed, Instant runningSince, Deadlines deadlines) {
    }

    /**
     * A target's state at {@code now} on a ticket that may be cancelled: once cancelled, a target done before
     * keeps its state and one never done reads CANCELLED (it can no longer be met, and it was not breached by
     * the desk: nobody is to work on it). Otherwise as {@link #state(Deadlines, Instant, Instant, Instant)}.
     */
    public static SlaState state(Deadlines deadlines, Instant completedAt, Instant pausedAt, boolean cancelled,
            Instant now) {
        if (cancelled) {
            return completedAt == null ? SlaState.CANCELLED : state(deadlines, completedAt, null, now);
        }
        return state(deadlines, completedAt, pausedAt, now);
    }

    /**
     * A target's state at {@code now}, in this order:
     * <ol>
     *   <li>done at {@code completedAt}: MET if no later than the due instant, else BREACHED;</li>
     *   <li>stopped since {@code pausedAt} (pending closure): BREACHED if it stopped after the due instant, else
     *       PAUSED; a paused clock cannot breach, since no open time passes on it;</li>
     *   <li>running: BREACHED strictly after the due instant, AT_RISK from the at-risk instant on (the due
     *       instant itself included), RUNNING before.</li>
     * </ol>
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

    /**
     * At risk when consumed open time reaches 80 % of {@code allowed}, due when it reaches all of it; an amount
     * already consumed makes the instant {@code runningSince} itself.
     */
    private static Deadlines deadlines(BusinessCalendar calendar, Instant runningSince, Duration consumed,
            Duration allowed) {
        Duration atRisk = allowed.multipliedBy(AT_RISK_PERCENT).dividedBy(100);
        return new Deadlines(calendar.plus(runningSince, left(atRisk, consumed)),
                calendar.plus(runningSince, left(allowed, consumed)));
    }

    private static Duration left(Duration target, Duration consumed) {
        Duration left = target.minus(consumed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Targets targets(Priority priority) {
        return targets.get(Objects.requireNonNull(priority, "priority"));
    }

    /** The calendars that could be built, by name; each one that could not is a problem named by its path. */
    private static Map<String, BusinessCalendar> calendars(SlaProperties properties, List<String> problems) {
        Map<String, BusinessCalendar> calendars = new TreeMap<>();
        if (properties.calendars() == null || properties.calendars().isEmpty()) {
            problems.add("ledger.sla.calendars: no calendar is configured");
            return calendars;
        }
        properties.calendars().forEach((name, calendar) -> {
            try {
                calendars.put(name, calendar(calendar));
            } catch (IllegalArgumentException e) {
                problems.add("ledger.sla.calendars." + name + ": " + e.getMessage());
            }
        });
        return calendars;
    }

    private static BusinessCalendar named(Map<String, BusinessCalendar> calendars, String name) {
        return name == null ? null : calendars.get(name);
    }

    private static BusinessCalendar calendar(SlaProperties.CalendarProperties calendar) {
        if (calendar == null) {
            throw new IllegalArgumentException("is empty");
        }
        if (calendar.zone() == null) {
            throw new IllegalArgumentException("zone is not set");
        }
        return calendar.twentyFourSeven() ? BusinessCalendar.twentyFourSeven(calendar.zone())
                : BusinessCalendar.weekly(calendar.zone(), calendar.days(), calendar.opens(), calendar.closes(),
                        calendar.holidays());
    }

    private static void positive(List<String> problems, String path, SlaTarget amount) {
        if (amount == null || amount.amount() <= 0) {
            problems.add(path + " must be a positive amount with its unit (e.g. 4h, 1d), not " + amount);
        }
    }

    /**
     * One priority's targets as amounts of open time of its calendar (days already turned into that calendar's
     * business days), the out-of-hours response already defaulted to the response.
     */
    private record Targets(Duration response, Duration outOfHoursResponse, Duration resolution,
            BusinessCalendar calendar) {
    }
}
