package dev.graphfleet.bench.harness;

import java.util.Arrays;

/** Median and spread of repeated measurements (iterations after warm-up). */
public record Stats(double median, double min, double max, int n) {

    public static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** Relative spread (max − min) / median: how far to trust the median. */
    public double spread() {
        return median == 0 ? 0 : (max - min) / median;
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    public static double percentile(long[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
