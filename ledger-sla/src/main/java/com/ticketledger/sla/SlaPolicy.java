package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.events.Visibility;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SLA arithmetic of one policy (docs/domain.md, "SLA"): each priority's response, resolution and update targets,
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
 *   <li>Update (keep-in-loop) runs in windows: each opens at the opening, a reopening or a public note by the desk
 *       ({@link #updatesTheClient}) and closes at the next one, or at pending closure (the resolution is the
 *       desk's last word); a window is late when it closed after its due instant ({@link UpdateClock}). No window
 *       runs while the ticket is PENDING_CLOSURE, and a reopening opens a new one.</li>
 *   <li>A cancelled ticket's clocks stop: a target met before the cancellation keeps its state, any other
 *       reads CANCELLED, neither met nor breached.</li>
 * </ul>
 *
 * The deadlines depend only on stored instants; the state is computed against the time of reading, because a
 * breach is a fact about time passing, not an event.
 */
public final class SlaPolicy {

    /** docs/domain.md, "SLA": by default a target is at risk once 80 % of its allowed open time is used. */
    public static final int DEFAULT_AT_RISK_PERCENT = 80;

    /** docs/domain.md: by default the ledger accepts a resolution nobody answered after five business days. */
    public static final SlaTarget DEFAULT_AUTO_ACCEPT_AFTER = SlaTarget.days(5);

    /** docs/domain.md: by default a client may reopen a ticket for 30 days after its closure. */
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(30);

    private final SlaPolicyTerms terms;
    private final BusinessCalendar office;
    private final Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
    private final SlaTarget autoAcceptAfter;
    private final int atRiskPercent;

    /**
     * The configured policy ({@code ledger.sla.*}) with the given closure terms; its problems are named by their
     * property ({@code ledger.sla.priorities.HIGH.response}).
     *
     * @throws PolicyDoesNotAddUp if a priority is missing, a calendar is unknown or cannot open, or a target is not
     *                            a positive amount
     */
    public SlaPolicy(SlaProperties properties, SlaTarget autoAcceptAfter, Duration reopenWindow) {
        this(Objects.requireNonNull(properties, "properties").terms(autoAcceptAfter, reopenWindow), "ledger.sla.");
    }

    /** The configured policy with the desk's default closure terms (five business days, 30 days to reopen). */
    public SlaPolicy(SlaProperties properties) {
        this(properties, DEFAULT_AUTO_ACCEPT_AFTER, DEFAULT_REOPEN_WINDOW);
    }

    /**
     * A policy version as the ledger keeps it; its problems are named by their field ({@code priorities.HIGH.response}),
     * so that a command defining it can answer each one.
     *
     * @throws PolicyDoesNotAddUp if the terms do not add up
     */
    public SlaPolicy(SlaPolicyTerms terms) {
        this(terms, "");
    }

    private SlaPolicy(SlaPolicyTerms terms, String prefix) {
        this.terms = Objects.requireNonNull(terms, "terms");
        List<String> problems = new ArrayList<>();
        Map<String, BusinessCalendar> calendars = calendars(terms, prefix, problems);
        office = named(calendars, terms.officeCalendar());
        if (office == null) {
            problems.add(prefix + "office-calendar names no calendar: " + terms.officeCalendar()
                    + " (known: " + calendars.keySet() + ")");
        }
        for (Priority priority : Priority.values()) {
            String path = prefix + "priorities." + priority;
            SlaPolicyTerms.Targets target = terms.priorities().get(priority);
            if (target == null) {
                problems.add(path + " is not configured");
                continue;
            }
            BusinessCalendar calendar = named(calendars, target.calendar());
            if (calendar == null) {
                problems.add(path + ".calendar names no calendar: " + target.calendar()
                        + " (known: " + calendars.keySet() + ")");
            }
            SlaTarget response = target(problems, path + ".response", target.response());
            SlaTarget resolution = target(problems, path + ".resolution", target.resolution());
            SlaTarget update = target(problems, path + ".update", target.update());
            SlaTarget outOfHours = target.outOfHoursResponse() == null ? response
                    : target(problems, path + ".out-of-hours-response", target.outOfHoursResponse());
            if (calendar != null && problems.isEmpty()) {
                targets.put(priority, new Targets(response.openTime(calendar), outOfHours.openTime(calendar),
                        resolution.openTime(calendar), update.openTime(calendar), calendar));
            }
        }
        autoAcceptAfter = target(problems, prefix + "auto-accept-after", terms.autoAcceptAfter());
        if (terms.reopenWindow() == null || terms.reopenWindow().isNegative() || terms.reopenWindow().isZero()) {
            problems.add(prefix + "reopen-window must be a positive duration, not " + terms.reopenWindow());
        }
        atRiskPercent = terms.atRiskPercent() == null ? DEFAULT_AT_RISK_PERCENT : terms.atRiskPercent();
        if (atRiskPercent < 1 || atRiskPercent > 99) {
            problems.add(prefix + "at-risk-percent must be from 1 to 99, not " + atRiskPercent);
        }
        if (!problems.isEmpty()) {
            throw new PolicyDoesNotAddUp(problems);
        }
    }

    /** The terms this policy was built from, as the ledger keeps them. */
    public SlaPolicyTerms terms() {
        return terms;
    }

    /** How long a ticket PENDING_CLOSURE waits for its client before the ledger accepts it ({@code 5d}). */
    public SlaTarget autoAcceptAfter() {
        return autoAcceptAfter;
    }

    /** How long after its closure a client may still reopen a ticket (calendar time). */
    public Duration reopenWindow() {
        return terms.reopenWindow();
    }

    /** The share of a target's open time after which it is at risk, in percent. */
    public int atRiskPercent() {
        return atRiskPercent;
    }

    /** The automatic acceptance of a ticket pending closure since {@code pendingSince}, after this policy's period. */
    public AcceptanceWindow acceptanceWindow(Priority priority, Instant pendingSince) {
        return acceptanceWindow(priority, pendingSince, autoAcceptAfter);
    }

    /**
     * Terms that do not add up, each problem named by its path: a property of {@code ledger.sla.*} for the configured
     * policy, a field of the terms for a version defined through the API.
     */
    public static final class PolicyDoesNotAddUp extends IllegalArgumentException {

        private final List<String> problems;

        PolicyDoesNotAddUp(List<String> problems) {
            super("the SLA policy does not add up: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
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

    /**
     * Whether a note keeps the client in the loop, restarting the update clock: a PUBLIC note written by the desk
     * (an operator or an engineer). The client's own notes ask for news rather than give it, and an INTERNAL
     * note is never seen by the client.
     */
    public static boolean updatesTheClient(Role actorRole, Visibility visibility) {
        return visibility == Visibility.PUBLIC && (actorRole == Role.OPERATOR || actorRole == Role.ENGINEER);
    }

    /**
     * The update target's deadlines of a window that started at {@code since} (the opening, a reopening, or the
     * desk's last public note): its priority's update target of open time after it. A window never carries time
     * over from the one before, so the deadlines depend on {@code since} alone.
     */
    public Deadlines updateDeadlines(Priority priority, Instant since) {
        Objects.requireNonNull(since, "since");
        Targets target = targets(priority);
        return deadlines(target.calendar(), since, Duration.ZERO, target.update());
    }

    /** The update clock of a ticket just opened (or reclassified before its first update): one window, from now. */
    public UpdateClock updateOpened(Priority priority, Instant openedAt) {
        return new UpdateClock(openedAt, updateDeadlines(priority, openedAt), 0, List.of());
    }

    /**
     * The update clock after the desk's public note at {@code at} while the clock runs: the current window closes
     * there (late if after its due instant) and the next one starts.
     */
    public UpdateClock updateGiven(Priority priority, UpdateClock clock, Instant at) {
        UpdateClock closed = updatePaused(clock, at);
        return new UpdateClock(at, updateDeadlines(priority, at), closed.lateWindows(), closed.windows());
    }

    /**
     * The update clock stopped at {@code at} (pending closure): the current window closes there, late if after
     * its due instant; {@code since} and the deadlines stay those of that last window.
     */
    public static UpdateClock updatePaused(UpdateClock clock, Instant at) {
        List<UpdateWindow> windows = new ArrayList<>(clock.windows());
        windows.add(new UpdateWindow(clock.since(), at));
        int late = clock.lateWindows() + (at.isAfter(clock.deadlines().dueAt()) ? 1 : 0);
        return new UpdateClock(clock.since(), clock.deadlines(), late, windows);
    }

    /** The update clock on reopening at {@code at}: a new window starts from zero; the closed ones stay. */
    public UpdateClock updateResumed(Priority priority, UpdateClock clock, Instant at) {
        return new UpdateClock(at, updateDeadlines(priority, at), clock.lateWindows(), clock.windows());
    }

    /**
     * The update clock measured again with {@code priority}'s target and calendar, as after a reclassification:
     * every closed window judged again, and the deadlines of the window that started at {@code since} (the one
     * running, or the last one while stopped). Opening, notes, pending closure and reopening step to the same.
     */
    public UpdateClock updateClock(Priority priority, List<UpdateWindow> windows, Instant since) {
        int late = 0;
        for (UpdateWindow window : windows) {
            late += window.to().isAfter(updateDeadlines(priority, window.from()).dueAt()) ? 1 : 0;
        }
        return new UpdateClock(since, updateDeadlines(priority, since), late, windows);
    }

    /**
     * The update target's state at {@code now}: CANCELLED once cancelled; while stopped (pending closure or
     * closed) BREACHED if any window was late, else PAUSED while pending closure and MET once closed; while
     * running, the state of the current window, as {@link #state(Deadlines, Instant, Instant, Instant)}: what the
     * desk has to do now (an earlier late window stays counted in {@link UpdateClock#lateWindows()}).
     */
    public static SlaState updateState(UpdateClock clock, boolean pendingClosure, boolean closed, boolean cancelled,
            Instant now) {
        if (cancelled) {
            return SlaState.CANCELLED;
        }
        if (pendingClosure || closed) {
            if (clock.lateWindows() > 0) {
                return SlaState.BREACHED;
            }
            return closed ? SlaState.MET : SlaState.PAUSED;
        }
        return state(clock.deadlines(), null, null, now);
    }

    /** The open time of an update window, counted in the priority's calendar: a report's "time between updates". */
    public Duration openTime(Priority priority, UpdateWindow window) {
        return consumed(priority, window.from(), window.to());
    }

    /** A closed window of the update clock: from an update (or the opening, or a reopening) to the next one. */
    public record UpdateWindow(Instant from, Instant to) {
    }

    /**
     * The update (keep-in-loop) clock as the status row keeps it.
     *
     * @param since       when the current window started: the opening, the last reopening or the desk's last
     *                    public note; while stopped, the start of the last window
     * @param deadlines   that window's deadlines
     * @param lateWindows how many closed windows closed after their due instant
     * @param windows     the closed windows, oldest first: what a reclassification judges again, and what the
     *                    reports measure the time between updates on
     */
    public record UpdateClock(Instant since, Deadlines deadlines, int lateWindows, List<UpdateWindow> windows) {
        public UpdateClock {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(deadlines, "deadlines");
            windows = windows == null ? List.of() : List.copyOf(windows);
        }
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
     * At risk when consumed open time reaches the policy's at-risk share (80 %) of {@code allowed}, due when it reaches all of it; an amount
     * already consumed makes the instant {@code runningSince} itself.
     */
    private Deadlines deadlines(BusinessCalendar calendar, Instant runningSince, Duration consumed,
            Duration allowed) {
        Duration atRisk = allowed.multipliedBy(atRiskPercent).dividedBy(100);
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
    private static Map<String, BusinessCalendar> calendars(SlaPolicyTerms terms, String prefix, List<String> problems) {
        Map<String, BusinessCalendar> calendars = new TreeMap<>();
        if (terms.calendars().isEmpty()) {
            problems.add(prefix + "calendars: no calendar is configured");
            return calendars;
        }
        terms.calendars().forEach((name, calendar) -> {
            try {
                calendars.put(name, calendar(calendar));
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(prefix + "calendars." + name + ": " + e.getMessage());
            }
        });
        return calendars;
    }

    private static BusinessCalendar named(Map<String, BusinessCalendar> calendars, String name) {
        return name == null ? null : calendars.get(name);
    }

    private static BusinessCalendar calendar(SlaPolicyTerms.Calendar calendar) {
        if (calendar == null) {
            throw new IllegalArgumentException("is empty");
        }
        if (calendar.zone() == null) {
            throw new IllegalArgumentException("zone is not set");
        }
        ZoneId zone = ZoneId.of(calendar.zone());
        if (!calendar.twentyFourSeven() && (calendar.opens() == null || calendar.closes() == null)) {
            throw new IllegalArgumentException("a weekly calendar needs its opening and closing hours");
        }
        return calendar.twentyFourSeven() ? BusinessCalendar.twentyFourSeven(zone)
                : BusinessCalendar.weekly(zone, Set.copyOf(calendar.days()), calendar.opens(), calendar.closes(),
                        Set.copyOf(calendar.holidays()));
    }

    /** A target as written, or {@code null} with its problem named when it is not a positive amount with a unit. */
    private static SlaTarget target(List<String> problems, String path, String written) {
        try {
            SlaTarget target = SlaTarget.valueOf(written);
            if (target.amount() > 0) {
                return target;
            }
        } catch (IllegalArgumentException e) {
            // named below, like zero
        }
        problems.add(path + " must be a positive amount with its unit (e.g. 4h, 1d), not " + written);
        return null;
    }

    /**
     * One priority's targets as amounts of open time of its calendar (days already turned into that calendar's
     * business days), the out-of-hours response already defaulted to the response.
     */
    private record Targets(Duration response, Duration outOfHoursResponse, Duration resolution, Duration update,
            BusinessCalendar calendar) {
    }
}
