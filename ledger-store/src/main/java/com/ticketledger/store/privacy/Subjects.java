package com.ticketledger.store.privacy;

import com.ticketledger.events.DataSubject;

/**
 * What a feature holding personal data outside the ledger (a projection, an outbox of notifications) asks about a
 * data subject: its reference, and whether it was erased. A holder keeps the reference beside the clear value,
 * and drops the value when the subject's {@code PersonalDataErased} arrives, or when {@link #isErased} says so.
 */
public class Subjects {

    private final PersonalDataCipher cipher;

    public Subjects(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The reference of the subject an e-mail address names (normalised: trimmed, lower case). */
    public String refOfEmail(String email) {
        return cipher.subjectRef(DataSubject.of(email, null));
    }

    /** The reference of the subject a phone number names (normalised: its digits, a leading + kept). */
    public String refOfPhone(String phone) {
        return cipher.subjectRef(DataSubject.of(null, phone));
    }

    /** The reference of a normalised subject ({@link DataSubject#dataSubject()}), or {@code null} for none. */
    public String refOf(String subject) {
        return subject == null ? null : cipher.subjectRef(subject);
    }

    /** Whether the subject's personal data was erased (its stream holds a PersonalDataErased). */
    public boolean isErased(String subjectRef) {
        return cipher.isErased(subjectRef);
    }

    /**
     * Forgets what this instance cached of the subject: called where a {@code PersonalDataErased} is handled, so
     * that this instance reads the subject as erased at once rather than after {@code ledger.privacy.key-cache-ttl}.
     */
    public void forget(String subjectRef) {
        cipher.forget(subjectRef);
    }

    /** Whether the subject an e-mail address names was erased. */
    public boolean isEmailErased(String email) {
        return isErased(refOfEmail(email));
    }
}
