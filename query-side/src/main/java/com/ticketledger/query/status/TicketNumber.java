package com.ticketledger.query.status;

import com.ticketledger.web.problem.InvalidField;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A ticket's number as people type it, and as the command side writes it ({@code TCK-000123}). */
final class TicketNumber {

    /** The prefix in any case, then 1 to 18 digits: what a person copies from a mail or reads over the phone. */
    private static final Pattern TYPED = Pattern.compile("(?i)TCK-([0-9]{1,18})");

    private TicketNumber() {
    }

    /** The number as stored ({@code tck-123} is {@code TCK-000123}); anything else is a 400 naming {@code number}. */
    static String canonical(String typed) {
        Matcher matcher = TYPED.matcher(typed);
        if (!matcher.matches()) {
            throw new InvalidField("number", "field.number");
        }
        return String.format("TCK-%06d", Long.parseLong(matcher.group(1)));
    }
}
