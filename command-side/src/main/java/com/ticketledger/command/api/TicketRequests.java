package com.ticketledger.command.api;

import com.ticketledger.web.problem.InvalidField;

import com.ticketledger.events.CancellationReason;
import com.ticketledger.events.Channel;
import com.ticketledger.events.Priority;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

import static com.ticketledger.command.api.TextRules.MULTI_LINE;
import static com.ticketledger.command.api.TextRules.NO_CONTROL_CHARACTERS;
import static com.ticketledger.command.api.TextRules.NO_LINE_BREAKS;
import static com.ticketledger.command.api.TextRules.SINGLE_LINE;

/** The bodies of docs/api.md's commands, validated before anything is sent (limits from docs/api.md). */
final class TicketRequests {

    private TicketRequests() {
    }

    record OpenTicketRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "{ledger.validation.organisation-id}") String clientId,
            @NotNull TicketType type,
            @NotNull Priority priority,
            @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String title,
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String description,
            @NotNull @Valid ReporterRequest reporter,
            @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String affectedService,
            @PositiveOrZero Integer affectedUsers,
            Instant occurredAt,
            Channel channel,
            @Size(max = 50) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String category) {
    }

    record ReporterRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String name,
            @Email @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String email,
            @Size(max = 50) @Pattern(regexp = "[0-9+()./ -]*", message = "{ledger.validation.phone}") String phone) {

        void requireEmailOrPhone() {
            if (isBlank(email) && isBlank(phone)) {
                throw new InvalidField("reporter.email", "field.email-or-phone");
            }
        }
    }

    record AssignmentRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String engineer) {
    }

    /**
     * @param personalData the text holds the reporter's personal data (an OPERATOR's mark; {@code false} if absent)
     */
    record NoteRequest(
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String text,
            Visibility visibility,
            Boolean personalData) {

        /** A note without the mark. */
        NoteRequest(String text, Visibility visibility) {
            this(text, visibility, null);
        }

        boolean markedPersonal() {
            return Boolean.TRUE.equals(personalData);
        }

        Visibility visibilityOrDefault() {
            return visibility == null ? Visibility.PUBLIC : visibility;
        }
    }

    record EscalationRequest(
            @NotNull SupportLevel toLevel,
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String reason,
            @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String vendorCaseRef) {

        void requireConsistency() {
            if (toLevel == SupportLevel.L1) {
                throw new InvalidField("toLevel", "field.escalation-level");
            }
            if (toLevel == SupportLevel.VENDOR && isBlank(vendorCaseRef)) {
                throw new InvalidField("vendorCaseRef", "field.vendor-case-required");
            }
        }
    }

    record PendingClosureRequest(
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String resolution) {
    }

    record AcceptanceRequest(
            @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String comment) {

        static final AcceptanceRequest EMPTY = new AcceptanceRequest(null);
    }

    record ReopeningRequest(
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String reason) {
    }

    /** Any of priority, type and category; the ticket refuses a request that changes none of them. */
    record ReclassificationRequest(
            Priority priority,
            TicketType type,
            @Size(max = 50) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String category,
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String reason) {
    }

    /** {@code duplicateOf} is the original ticket's id (a UUID, as in every path), exactly for DUPLICATE. */
    record CancellationRequest(
            @NotNull CancellationReason reason,
            UUID duplicateOf,
            @NotBlank @Size(max = 10_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String note) {

        void requireConsistency() {
            if (reason == CancellationReason.DUPLICATE && duplicateOf == null) {
                throw new InvalidField("duplicateOf", "field.duplicate-of-required");
            }
            if (reason != CancellationReason.DUPLICATE && duplicateOf != null) {
                throw new InvalidField("duplicateOf", "field.duplicate-of-misplaced");
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
