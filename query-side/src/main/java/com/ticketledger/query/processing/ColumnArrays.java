package com.ticketledger.query.processing;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Rows as a bulk write's statement carries them: one array parameter per column, which
 * {@code unnest(CAST(:a AS UUID[]), CAST(:b AS TEXT[]), ...)} turns back into rows, so that a batch's rows go to
 * PostgreSQL in one statement, bound once, instead of one bound statement per row.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** One value of each row, in the rows' order: a column's parameter. */
    public static <R, T> T[] column(List<R> rows, Function<R, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** One text of each row, in the rows' order: a column's parameter that the statement casts to its type. */
    public static <R> String[] column(List<R> rows, Function<R, String> value) {
        return column(rows, value, String[]::new);
    }

    /**
     * One instant of each row as text, {@code null} as {@code null}, in the rows' order: a column's parameter that
     * the statement casts to {@code TIMESTAMPTZ[]}.
     */
    public static <R> String[] instants(List<R> rows, Function<R, Instant> value) {
        return column(rows, row -> {
            Instant instant = value.apply(row);
            return instant == null ? null : instant.toString();
        });
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
