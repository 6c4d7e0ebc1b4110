package com.ticketledger.command.api;

import com.ticketledger.web.monitoring.CorrelationIdFilter;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional request headers every command takes (docs/api.md), read strictly: a malformed one is a 400, never
 * silently ignored.
 *
 * @param expectedVersion from {@code If-Match}: the command applies only at this version; {@code null} for any
 * @param idempotencyKey  {@code Idempotency-Key}, or {@code null}
 * @param correlationId   the request's, as {@link CorrelationIdFilter} found or made it (and put in the logs)
 */
@Hidden // not a parameter of its own: CommandDocumentation documents the headers it is read from
record CommandHeaders(Long expectedVersion, String idempotencyKey, String correlationId) {

    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CORRELATION_ID = CorrelationIdFilter.HEADER;
    static final String LEDGER_POSITION = "X-Ledger-Position";

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    static CommandHeaders read(String ifMatch, String idempotencyKey, String correlationId) {
        return new CommandHeaders(expectedVersion(ifMatch), checkedKey(idempotencyKey), correlationId);
    }

    /** {@code "3"} → 3; absent or {@code *} → {@code null} (any version). */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidField(IF_MATCH, "field.if-match");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String checkedKey(String key) {
        if (key != null && !PRINTABLE.matcher(key).matches()) {
            throw new InvalidField(IDEMPOTENCY_KEY, "field.idempotency-key");
        }
        return key;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
