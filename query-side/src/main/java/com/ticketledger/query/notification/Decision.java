package com.ticketledger.query.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A notification decided once: the natural key (ticket, kind, trigger), who is told by e-mail, in which language,
 * and what the message says.
 *
 * @param trigger what caused it: {@code event:<identifier>}, or for the clock's kinds the timer and the instant it
 *                passed, so that a deadline moved by a reopening warns again and the same one never twice
 * @param emails  the e-mail recipients, each told once; none when there is nobody to write to (a reporter known
 *                by phone only, a desk user without an address): the webhooks are told all the same
 * @param locale  the language of the e-mails: the ticket's client's
 * @param facts   the ticket's number, title and status and the kind's own facts, as the templates and the
 *                webhook body use them
 */
record Decision(UUID ticketId, NotificationKind kind, String trigger, List<String> emails, Locale locale,
        Map<String, Object> facts, Instant at) {

    Decision {
        emails = List.copyOf(emails);
    }
}
