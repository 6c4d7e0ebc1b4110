package com.ticketledger.query.read;

import com.ticketledger.web.problem.InvalidField;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keyset cursors and page sizes: the sort key of the last item of a page, as opaque base64url text. A cursor that does not
 * decode is the caller's mistake (400), never a 500.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder text = new StringBuilder();
        for (Object key : keys) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor, exactly {@code parts} of them. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(text.split("\\|", -1));
            if (keys.size() != parts) {
                throw new InvalidCursor();
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    /** The cursor parameter is not one this service handed out. */
    public static final class InvalidCursor extends InvalidField {
        public InvalidCursor() {
            super("cursor", "field.cursor");
        }
    }

    /** {@code limit} as asked, 50 when absent; at most 200 (docs/api.md). */
    public static int limit(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidField("limit", "field.limit");
        }
        return limit;
    }
}
