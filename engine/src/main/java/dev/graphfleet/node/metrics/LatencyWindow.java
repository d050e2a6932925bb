package dev.graphfleet.node.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * One database's queries over the last hour, in 60 one-minute buckets that are reused as the clock
 * moves on, so an idle database's counts fall out of the window without anyone recording.
 *
 * <p>Latencies go into an HdrHistogram per minute (microseconds, two significant digits: a percentile
 * is within 1% of the true value). A minute without queries holds no histogram, so an idle database
 * costs a few arrays; a busy minute costs a few tens of KiB.
 */
final class LatencyWindow {

    static final int BUCKETS = 60;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final long[] minuteOf = new long[BUCKETS];
    private final long[] count = new long[BUCKETS];
    private final long[] errors = new long[BUCKETS];
    private final long[] sumNanos = new long[BUCKETS];
    private final long[] maxNanos = new long[BUCKETS];
    private final Histogram[] micros = new Histogram[BUCKETS];

    LatencyWindow() {
        Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    synchronized void record(long minute, boolean error, long nanos) {
        long latency = Math.max(0, nanos);
        int at = bucket(minute);
        count[at]++;
        if (error) {
            errors[at]++;
        }
        sumNanos[at] += latency;
        maxNanos[at] = Math.max(maxNanos[at], latency);
        if (micros[at] == null) {
            micros[at] = new Histogram(SIGNIFICANT_DIGITS); // auto-resizing: grows to the longest latency seen
        }
        micros[at].recordValue(latency / 1_000);
    }

    synchronized QueryMetrics.DatabaseQueries summary(long nowMinute) {
        long total = 0;
        long failed = 0;
        long sum = 0;
        long max = 0;
        Histogram merged = new Histogram(SIGNIFICANT_DIGITS);
        for (int i = 0; i < BUCKETS; i++) {
            if (inWindow(minuteOf[i], nowMinute)) {
                total += count[i];
                failed += errors[i];
                sum += sumNanos[i];
                max = Math.max(max, maxNanos[i]);
                if (micros[i] != null) {
                    merged.add(micros[i]);
                }
            }
        }
        if (total == 0) {
            return new QueryMetrics.DatabaseQueries(0, 0, null, null, null, null, null);
        }
        return new QueryMetrics.DatabaseQueries(total, failed, millis(sum / total),
                percentile(merged, 50, max), percentile(merged, 95, max), percentile(merged, 99, max), millis(max));
    }

    synchronized long count(long nowMinute) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (inWindow(minuteOf[i], nowMinute)) {
                total += count[i];
            }
        }
        return total;
    }

    private int bucket(long minute) {
        int at = (int) Math.floorMod(minute, (long) BUCKETS);
        if (minuteOf[at] != minute) {
            minuteOf[at] = minute;
            count[at] = 0;
            errors[at] = 0;
            sumNanos[at] = 0;
            maxNanos[at] = 0;
            micros[at] = null;
        }
        return at;
    }

    static boolean inWindow(long minute, long nowMinute) {
        return minute <= nowMinute && minute > nowMinute - BUCKETS;
    }

    /**
     * The histogram reports the top of the value's bucket (up to 1% above it); the exact maximum is
     * known, and no percentile may claim more than it.
     */
    private static double percentile(Histogram histogram, double percentile, long maxNanos) {
        long nanos = histogram.getValueAtPercentile(percentile) * 1_000;
        return millis(Math.min(nanos, maxNanos));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
