package dev.graphfleet.bench.results;

import java.util.Locale;

/**
 * One DESIGN goal checked against its baseline measured in the same run. {@code value} and
 * {@code limit} are in {@code unit}; {@code ratio} is the figure over its baseline.
 */
public record Goal(String statement, String figure, double value, Bound bound, double limit, String unit,
                   String baseline, double ratio, boolean met) {

    public enum Bound { AT_LEAST, AT_MOST }

    public static Goal atMost(String statement, String figure, double value, double limit, String unit, String baseline,
                              double ratio) {
        return new Goal(statement, figure, value, Bound.AT_MOST, limit, unit, baseline, ratio, value <= limit);
    }

    public static Goal atLeast(String statement, String figure, double value, double limit, String unit, String baseline,
                               double ratio) {
        return new Goal(statement, figure, value, Bound.AT_LEAST, limit, unit, baseline, ratio, value >= limit);
    }

    public String comparison() {
        return String.format(Locale.ROOT, "%s %s %s", Format.number(value), bound == Bound.AT_MOST ? "≤" : "≥",
                Format.number(limit)) + (unit.isEmpty() ? "" : " " + unit);
    }
}
