package com.ticketledger.command.api;

import com.ticketledger.web.problem.InvalidField;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.ticketledger.command.api.TextRules.MULTI_LINE;
import static com.ticketledger.command.api.TextRules.NO_CONTROL_CHARACTERS;
import static com.ticketledger.command.api.TextRules.NO_LINE_BREAKS;
import static com.ticketledger.command.api.TextRules.SINGLE_LINE;

/** The bodies of the client register's commands (docs/api.md, "Clients"), validated before anything is sent. */
final class ClientRequests {

    /** A client's id: what tickets and CLIENT users already name their organisation by. */
    static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private ClientRequests() {
    }

    record RegistrationRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = CLIENT_ID,
                    message = "{ledger.validation.organisation-id}") String clientId,
            @NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String name,
            @NotNull @Pattern(regexp = "es-AR|en", message = "{ledger.validation.client-language}") String language,
            @NotBlank @Size(max = 64) String timeZone) {

        void requireKnownZone() {
            requireZone("timeZone", timeZone);
        }
    }

    record ContractRequest(
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotBlank @Size(max = 64) String slaPolicy,
            Boolean onSiteSupport,
            Boolean suspended,
            @Size(max = 1_000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String suspensionReason) {

        void requireConsistency() {
            if (to.isBefore(from)) {
                throw new InvalidField("to", "field.contract-to-before-from", from.toString());
            }
            if (isSuspended() && isBlank(suspensionReason)) {
                throw new InvalidField("suspensionReason", "field.suspension-reason-required");
            }
            if (!isSuspended() && !isBlank(suspensionReason)) {
                throw new InvalidField("suspensionReason", "field.suspension-reason-misplaced");
            }
        }

        boolean isSuspended() {
            return Boolean.TRUE.equals(suspended);
        }

        boolean includesOnSiteSupport() {
            return Boolean.TRUE.equals(onSiteSupport);
        }
    }

    record ContactsRequest(
            @Size(max = 50) List<@NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS)
                    String> representatives,
            @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String focalPointName,
            @Email @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String focalPointEmail,
            @Email @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String areaManagerEmail,
            @Size(max = 20) List<@NotBlank @Email @Size(max = 254) @Pattern(regexp = SINGLE_LINE,
                    message = NO_LINE_BREAKS) String> escalationEmails) {

        List<String> representativesOrNone() {
            return representatives == null ? List.of() : List.copyOf(representatives);
        }

        List<String> escalationEmailsOrNone() {
            return escalationEmails == null ? List.of() : List.copyOf(escalationEmails);
        }
    }

    static void requireClientId(String clientId) {
        if (clientId.length() > 100 || !clientId.matches(CLIENT_ID)) {
            throw new InvalidField("clientId", "ledger.validation.organisation-id");
        }
    }

    private static void requireZone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException notAZone) {
            throw new InvalidField(field, "field.time-zone", zone);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
