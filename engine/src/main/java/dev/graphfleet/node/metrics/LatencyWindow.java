package dev.graphfleet.node.metrics;

/**
 * One database's queries over the last hour, in 60 one-minute buckets that are reused as the clock
 * moves on, so an idle database's counts fall out of the window without anyone recording.
 */
final class LatencyWindow {

    static final int BUCKETS = 60;
    private static final int LATENCY_BINS = 40; // power-of-two microseconds: up to ~2^39 us

    private final long[] minuteOf = new long[BUCKETS];
    private final long[] count = new long[BUCKETS];
    private final long[] errors = new long[BUCKETS];
    private final long[] sumNanos = new long[BUCKETS];
    private final long[] maxNanos = new long[BUCKETS];
    private final long[][] bins = new long[BUCKETS][LATENCY_BINS];

    LatencyWindow() {
        java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    synchronized void record(long minute, boolean error, long nanos) {
        int at = bucket(minute);
        count[at]++;
        if (error) {
            errors[at]++;
        }
        sumNanos[at] += nanos;
        maxNanos[at] = Math.max(maxNanos[at], nanos);
        bins[at][bin(nanos)]++;
    }

    synchronized QueryMetrics.DatabaseQueries summary(long nowMinute) {
        long total = 0;
        long failed = 0;
        long sum = 0;
        long max = 0;
        long[] merged = new long[LATENCY_BINS];
        for (int i = 0; i < BUCKETS; i++) {
            if (inWindow(minuteOf[i], nowMinute)) {
                total += count[i];
                failed += errors[i];
                sum += sumNanos[i];
                max = Math.max(max, maxNanos[i]);
                for (int b = 0; b < LATENCY_BINS; b++) {
                    merged[b] += bins[i][b];
                }
            }
        }
        return new QueryMetrics.DatabaseQueries(total, failed, total == 0 ? 0 : millis(sum / total),
                percentile(merged, total, 0.50), percentile(merged, total, 0.99), millis(max));
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
            java.util.Arrays.fill(bins[at], 0);
        }
        return at;
    }

    static boolean inWindow(long minute, long nowMinute) {
        return minute <= nowMinute && minute > nowMinute - BUCKETS;
    }

    /** Bin b holds latencies below 2^b microseconds (and at least 2^(b-1)). */
    static int bin(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        return Math.min(LATENCY_BINS - 1, 64 - Long.numberOfLeadingZeros(micros));
    }

    private static double percentile(long[] merged, long total, double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int b = 0; b < merged.length; b++) {
            seen += merged[b];
            if (seen >= rank) {
                return (1L << b) / 1_000.0;
            }
        }
        return (1L << (merged.length - 1)) / 1_000.0;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
