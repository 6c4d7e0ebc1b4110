package com.ticketledger.web.openapi;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.Map;

/**
 * The response headers of the REST contract, each described once under {@code #/components/headers}; an operation
 * refers to the ones it sends with {@link #ref(String)}.
 */
public final class ResponseHeaders {

    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String LEDGER_POSITION = "X-Ledger-Position";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String PROJECTION_REBUILDING = "X-Projection-Rebuilding";
    public static final String SERVER_TIMING = "Server-Timing";
    static final String RETRY_AFTER = "#/components/headers/Retry-After";
    static final String WWW_AUTHENTICATE = "#/components/headers/WWW-Authenticate";
    static final String PREFIX = "#/components/headers/";

    private ResponseHeaders() {
    }

    /** A reference to the header's one description. */
    public static Header ref(String name) {
        return new Header().$ref(PREFIX + name);
    }

    static Map<String, Header> all() {
        return Map.of(
                ETAG, header("The ticket's version after the command, quoted: send it back as `If-Match`.",
                        new StringSchema().example("\"3\"")),
                LOCATION, header("Where to read what the request created or started.",
                        new StringSchema().format("uri-reference").example("/api/tickets/0b6f0d1e-3c55-4c7e-9d5e-1f4f8a1b2c3d")),
                LEDGER_POSITION, header("The global position of the event the command wrote: pass it to a read as"
                        + " `minPosition` or `X-Ledger-Position` to read this write.", new IntegerSchema().format("int64")
                        .minimum(java.math.BigDecimal.ZERO).example(1042)),
                CORRELATION_ID, header("The request's `X-Correlation-Id` when it was a plain token (letters, digits,"
                        + " `._:-`, up to 128), else a new id; recorded in the event's metadata.",
                        new StringSchema().example("7d9c2f3e-5a41-4e0b-9a7c-2b8e4f1d6c90")),
                PROJECTION_REBUILDING, header("`true` while the projection this read comes from is being rebuilt: the"
                        + " answer may be incomplete. Absent otherwise.", new StringSchema()._enum(java.util.List.of("true"))),
                SERVER_TIMING, header("On a read that named a position (`minPosition`, `X-Ledger-Position`): how long"
                        + " it waited for its projection to reach it, in milliseconds (`projection;dur=<ms>`); the rest"
                        + " of its time is the server's own work and the network.",
                        new StringSchema().example("projection;dur=12.5")),
                "Retry-After", header("Seconds to wait before trying again.", new IntegerSchema().example(5)),
                "WWW-Authenticate", header("The HTTP Basic challenge.",
                        new StringSchema().example("Basic realm=\"ticket-ledger\", charset=\"UTF-8\"")));
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }
}
