package com.ticketledger.events;

import java.util.Locale;

/**
 * A record holding the personal data ({@link PersonalData}) of one data subject: a person identified by a
 * normalised e-mail address, or by a phone number when there is no e-mail.
 */
public interface DataSubject {

    /**
     * The subject whose key encrypts this record's personal data, normalised ({@link #of(String, String)});
     * {@code null} when the record names no subject, and its marked values are then written as they are.
     */
    String dataSubject();

    /**
     * The subject named by an e-mail address or, without one, a phone number: the e-mail trimmed and in lower
     * case, or the phone's digits with a leading {@code +} kept; {@code null} when neither is given. The same
     * person is the same subject however the address was typed.
     */
    static String of(String email, String phone) {
        if (email != null && !email.isBlank()) {
            return email.strip().toLowerCase(Locale.ROOT);
        }
        if (phone != null && !phone.isBlank()) {
            String stripped = phone.strip();
            return (stripped.startsWith("+") ? "+" : "") + stripped.replaceAll("[^0-9]", "");
        }
        return null;
    }
}
