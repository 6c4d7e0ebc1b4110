package com.ticketledger.query.processing;

import java.util.List;

/** PostgreSQL text arrays as a statement's parameters carry them. */
public final class TextArrays {

    private TextArrays() {
    }

    /**
     * A PostgreSQL array literal of {@code values}, each quoted and escaped ({@code CAST(:p AS TEXT[])} reads it
     * back): what a bulk write sends for each row's list, since {@code unnest} flattens an array of arrays.
     */
    public static String literal(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values == null ? List.<String>of() : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
