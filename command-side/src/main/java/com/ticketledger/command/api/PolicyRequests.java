package com.ticketledger.command.api;

import com.ticketledger.events.Priority;
import com.ticketledger.events.SlaPolicyTerms;
import com.ticketledger.sla.SlaPolicy;
import com.ticketledger.web.problem.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.ticketledger.command.api.TextRules.MULTI_LINE;
import static com.ticketledger.command.api.TextRules.NO_CONTROL_CHARACTERS;

/**
 * The bodies of the SLA policies' commands (docs/api.md, "SLA policies"), validated before anything is sent: their
 * shape here (names, sizes, formats), then whether the terms add up ({@link SlaPolicy}), each problem named by its
 * field.
 */
final class PolicyRequests {

    /** A policy's name, as contracts name it and as it appears in paths: short, lower case, safe in a URL. */
    static final String POLICY_NAME = "[a-z0-9-]{1,40}";
    /** A calendar's name within a policy. */
    static final String CALENDAR_NAME = "[A-Za-z0-9-]{1,40}";
    /** A target as the desk writes it: a whole number and its unit ({@code 4h}, {@code 5d}, {@code 30m}). */
    static final String TARGET = "[0-9]{1,6}[dhms]";
    /** No desk keeps tickets reopenable for longer than this; a longer window is a typing mistake. */
    static final Duration LONGEST_REOPEN_WINDOW = Duration.ofDays(3_660);

    private PolicyRequests() {
    }

    record DefinitionRequest(
            @NotNull @Pattern(regexp = POLICY_NAME, message = "{ledger.validation.policy-name}") String name,
            @NotNull @Valid TermsRequest terms,
            @Size(max = 1_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String reason) {
    }

    record RevisionRequest(
            @NotNull @Valid TermsRequest terms,
            @Size(max = 1_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String reason) {
    }

    /**
     * One version's terms: as {@link SlaPolicyTerms} keeps them.
     *
     * @param reopenWindow an ISO-8601 duration, e.g. {@code P30D}
     */
    record TermsRequest(
            @NotBlank @Pattern(regexp = CALENDAR_NAME, message = "{ledger.validation.calendar-name}")
            String officeCalendar,
            @NotEmpty @Size(max = 10) Map<@NotNull @Pattern(regexp = CALENDAR_NAME,
                    message = "{ledger.validation.calendar-name}") String, @NotNull @Valid CalendarRequest> calendars,
            @NotEmpty Map<@NotNull Priority, @NotNull @Valid TargetsRequest> priorities,
            @NotNull @Pattern(regexp = TARGET, message = "{ledger.validation.sla-target}") String autoAcceptAfter,
            @NotNull Duration reopenWindow,
            @Min(1) @Max(99) Integer atRiskPercent) {

        /** The terms as the ledger keeps them; throws {@link SlaPolicy.PolicyDoesNotAddUp} if they do not add up. */
        SlaPolicyTerms toTerms() {
            if (reopenWindow.compareTo(LONGEST_REOPEN_WINDOW) > 0) {
                throw new InvalidField("terms.reopenWindow", "field.reopen-window-too-long",
                        LONGEST_REOPEN_WINDOW.toDays());
            }
            Map<String, SlaPolicyTerms.Calendar> calendarTerms = new TreeMap<>();
            calendars.forEach((name, calendar) -> calendarTerms.put(name, calendar.toCalendar()));
            Map<Priority, SlaPolicyTerms.Targets> targetTerms = new EnumMap<>(Priority.class);
            priorities.forEach((priority, targets) -> targetTerms.put(priority, targets.toTargets()));
            SlaPolicyTerms terms = new SlaPolicyTerms(officeCalendar, calendarTerms, targetTerms, autoAcceptAfter,
                    reopenWindow, atRiskPercent == null ? SlaPolicy.DEFAULT_AT_RISK_PERCENT : atRiskPercent);
            new SlaPolicy(terms);
            return terms;
        }
    }

    /**
     * A calendar: {@code twentyFourSeven}, or working {@code days} from {@code opens} to {@code closes} (00:00 is
     * midnight at the end of the day) except the {@code holidays}, in the IANA {@code zone}.
     */
    record CalendarRequest(
            @NotBlank @Size(max = 64) String zone,
            Boolean twentyFourSeven,
            @Size(max = 7) List<@NotNull DayOfWeek> days,
            LocalTime opens,
            LocalTime closes,
            @Size(max = 500) List<@NotNull LocalDate> holidays) {

        SlaPolicyTerms.Calendar toCalendar() {
            boolean always = Boolean.TRUE.equals(twentyFourSeven);
            return new SlaPolicyTerms.Calendar(zone, always, always ? null : days, always ? null : opens,
                    always ? null : closes, always ? null : holidays);
        }
    }

    /** A priority's targets, each a whole number and its unit; {@code outOfHoursResponse} may be left out. */
    record TargetsRequest(
            @NotNull @Pattern(regexp = TARGET, message = "{ledger.validation.sla-target}") String response,
            @Pattern(regexp = TARGET, message = "{ledger.validation.sla-target}") String outOfHoursResponse,
            @NotNull @Pattern(regexp = TARGET, message = "{ledger.validation.sla-target}") String resolution,
            @NotNull @Pattern(regexp = TARGET, message = "{ledger.validation.sla-target}") String update,
            @NotBlank @Pattern(regexp = CALENDAR_NAME, message = "{ledger.validation.calendar-name}")
            String calendar) {

        SlaPolicyTerms.Targets toTargets() {
            return new SlaPolicyTerms.Targets(response, outOfHoursResponse, resolution, update, calendar);
        }
    }

    static void requirePolicyName(String name) {
        if (!name.matches(POLICY_NAME)) {
            throw new InvalidField("name", "ledger.validation.policy-name");
        }
    }
}
