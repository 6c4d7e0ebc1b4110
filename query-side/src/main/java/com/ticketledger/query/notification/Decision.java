package com.ticketledger.query.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A notification decided once: the natural key (ticket, kind, trigger), who is told by e-mail, and what the
 * message says.
 *
 * @param trigger what caused it: {@code event:<identifier>}, or for the clock's kinds the timer and the instant it
 *                passed, so that a deadline moved by a reopening warns again and the same one never twice
 * @param email   the e-mail recipient, or {@code null} when there is none (a reporter known by phone only, a
 *                desk user without an address): the webhooks are told all the same
 * @param facts   the ticket's number, title and status and the kind's own facts, as the templates and the
 *                webhook body use them
 */
record Decision(UUID ticketId, NotificationKind kind, String trigger, String email, Locale locale,
        Map<String, Object> facts, Instant at) {
}
