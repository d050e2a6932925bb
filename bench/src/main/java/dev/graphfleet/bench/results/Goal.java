package dev.graphfleet.bench.results;

import dev.graphfleet.bench.harness.Interval;
import java.util.Locale;

/**
 * One DESIGN goal checked against its baseline measured in the same run. {@code value} and
 * {@code limit} are in {@code unit}; {@code ratio} is the figure over its baseline. When the figure
 * is the median of interleaved rounds, {@code low}..{@code high} is its 95 % confidence interval and
 * the goal is met only when the whole interval passes the limit (null: a single figure).
 */
public record Goal(String statement, String figure, double value, Bound bound, double limit, String unit,
                   String baseline, double ratio, boolean met, Double low, Double high) {

    public enum Bound { AT_LEAST, AT_MOST }

    public static Goal atMost(String statement, String figure, double value, double limit, String unit, String baseline,
                              double ratio) {
        return new Goal(statement, figure, value, Bound.AT_MOST, limit, unit, baseline, ratio, value <= limit, null, null);
    }

    public static Goal atLeast(String statement, String figure, double value, double limit, String unit, String baseline,
                               double ratio) {
        return new Goal(statement, figure, value, Bound.AT_LEAST, limit, unit, baseline, ratio, value >= limit, null, null);
    }

    /** Met only when the interval's low end is at least {@code limit}: a median that merely passes is not enough. */
    public static Goal atLeast(String statement, String figure, Interval interval, double limit, String unit,
                               String baseline) {
        return new Goal(statement, figure, interval.center(), Bound.AT_LEAST, limit, unit, baseline, interval.center(),
                interval.low() >= limit, interval.low(), interval.high());
    }

    /** Met only when the interval's high end is at most {@code limit}. */
    public static Goal atMost(String statement, String figure, Interval interval, double limit, String unit,
                              String baseline) {
        return new Goal(statement, figure, interval.center(), Bound.AT_MOST, limit, unit, baseline, interval.center(),
                interval.high() <= limit, interval.low(), interval.high());
    }

    /** Whether the figure's interval lies on one side of the limit; a single figure always does. */
    public boolean resolved() {
        if (low == null || high == null) {
            return true;
        }
        return bound == Bound.AT_LEAST ? low >= limit || high < limit : high <= limit || low > limit;
    }

    public String comparison() {
        String measured = Format.number(value) + (low == null || high == null ? ""
                : " [95 % CI " + Format.number(low) + "–" + Format.number(high) + "]");
        return String.format(Locale.ROOT, "%s %s %s", measured, bound == Bound.AT_MOST ? "≤" : "≥",
                Format.number(limit)) + (unit.isEmpty() ? "" : " " + unit)
                + (resolved() ? "" : " (unresolved: the interval straddles the limit)");
    }
}
