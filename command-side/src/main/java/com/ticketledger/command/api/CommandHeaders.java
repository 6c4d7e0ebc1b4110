package com.ticketledger.command.api;

import com.ticketledger.web.problem.InvalidField;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional request headers every command takes (API.md), read strictly: a malformed one is a 400, never
 * silently ignored.
 *
 * @param expectedVersion from {@code If-Match}: the command applies only at this version; {@code null} for any
 * @param idempotencyKey  {@code Idempotency-Key}, or {@code null}
 * @param correlationId   {@code X-Correlation-Id} when it is a plain token, else a new id
 */
record CommandHeaders(Long expectedVersion, String idempotencyKey, String correlationId) {

    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String LEDGER_POSITION = "X-Ledger-Position";

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static CommandHeaders read(String ifMatch, String idempotencyKey, String correlationId) {
        return new CommandHeaders(expectedVersion(ifMatch), checkedKey(idempotencyKey), correlation(correlationId));
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

    private static String correlation(String given) {
        return given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
