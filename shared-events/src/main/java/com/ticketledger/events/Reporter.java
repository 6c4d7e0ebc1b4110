package com.ticketledger.events;

/**
 * The person at the client who reported the problem and is contacted about it. Every component is the reporter's
 * personal data, encrypted in the ledger under the key of the subject their e-mail (or phone) names.
 *
 * @param name  the reporter's name
 * @param email an e-mail address, or {@code null} when a phone is given
 * @param phone a phone number, or {@code null} when an e-mail is given
 */
public record Reporter(@PersonalData String name, @PersonalData String email, @PersonalData String phone)
        implements DataSubject {

    @Override
    public String dataSubject() {
        return DataSubject.of(email, phone);
    }
}
