package com.ticketledger.query.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A client as the desk reads it.
 *
 * @param contract the contract as last set, or {@code null} when none was set yet
 * @param version  the client's version, as its commands' {@code ETag} gave it
 */
public record ClientView(String clientId, String name, String language, String timeZone, Contract contract,
        Contacts contacts, long version, Instant registeredAt, Instant updatedAt) {

    /**
     * @param inForce          whether a ticket could be opened for the client today (in its time zone): the
     *                          contract covers today and is not suspended
     * @param slaPolicyVersion  the version in force of the contract's SLA policy: the one a ticket opened now is
     *                          measured by; {@code null} while the ledger holds no version of it yet
     * @param targets           that version's targets by priority
     */
    public record Contract(LocalDate from, LocalDate to, String slaPolicy, boolean onSiteSupport, boolean suspended,
            String suspensionReason, boolean inForce, Integer slaPolicyVersion, List<Target> targets) {
    }

    /**
     * One priority's targets, as the policy writes them ({@code 4h}, {@code 5d}).
     *
     * @param update the longest the client waits for news (the keep-in-loop target)
     */
    public record Target(String priority, String response, String outOfHoursResponse, String resolution,
            String update, String calendar) {
    }

    /**
     * @param representatives  user names who may accept or reopen; empty: any user of the organisation may
     */
    public record Contacts(List<String> representatives, String focalPointName, String focalPointEmail,
            String areaManagerEmail, List<String> escalationEmails) {
    }
}
