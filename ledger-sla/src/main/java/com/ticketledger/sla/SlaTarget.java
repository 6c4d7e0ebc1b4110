package com.ticketledger.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLA target as the desk writes it, with its unit (docs/domain.md, "Targets per priority"): {@code 4h} is four
 * hours of open time of the priority's calendar, {@code 5d} five business days. A bare number, or a unit this type
 * does not know, is refused when the policy is bound, so the query side does not start on a target whose meaning
 * is a guess (a {@link Duration}'s {@code 1d} was 24 <em>open</em> hours: two and a half desk days).
 *
 * @param amount how many units; positive in a valid policy ({@link SlaPolicy} refuses zero)
 * @param unit   what one unit is
 */
public record SlaTarget(long amount, Unit unit) {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,9})([smhd])");

    /** What one unit of a target is. */
    public enum Unit {
        /** A second of open time (for short test policies, e.g. {@code 20s}). */
        SECONDS("s"),
        /** A minute of open time. */
        MINUTES("m"),
        /** An hour of open time: a business hour on a weekly calendar, a clock hour on a 24x7 one. */
        HOURS("h"),
        /**
         * A business day: the calendar's daily open time ({@link BusinessCalendar#businessDay()}), 9 h for 09:00–18:00,
         * 24 h on a 24x7 calendar.
         */
        DAYS("d");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }
    }

    public SlaTarget {
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * Reads a target written as a whole number and its unit ({@code 2h}, {@code 1d}, {@code 30m}, {@code 20s}).
     * The name is the one Spring's conversion looks for, so {@code ledger.sla.*} binds straight to this type.
     *
     * @throws IllegalArgumentException for a number without a unit, an unknown unit, or anything else
     */
    public static SlaTarget valueOf(String written) {
        String text = written == null ? "" : written.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = WRITTEN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an SLA target is a whole number with its unit, h (hours of open time)"
                    + " or d (business days), also m or s: e.g. 4h or 5d, not '" + written + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        for (Unit unit : Unit.values()) {
            if (unit.symbol.equals(matcher.group(2))) {
                return new SlaTarget(amount, unit);
            }
        }
        throw new IllegalStateException("the pattern admits only known units");
    }

    public static SlaTarget hours(long amount) {
        return new SlaTarget(amount, Unit.HOURS);
    }

    public static SlaTarget days(long amount) {
        return new SlaTarget(amount, Unit.DAYS);
    }

    /** The open time of {@code calendar} this target allows: days are its {@link BusinessCalendar#businessDay()}. */
    public Duration openTime(BusinessCalendar calendar) {
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(amount);
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> calendar.businessDay().multipliedBy(amount);
        };
    }

    /** As written: {@code 4h}, {@code 5d}. */
    @Override
    public String toString() {
        return amount + unit.symbol;
    }
}
