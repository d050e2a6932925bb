package dev.graphfleet.bench.harness;

import java.util.Arrays;

/**
 * The median of per-round figures (for interleaved sides: the per-round ratios) with its 95 %
 * confidence interval, what a goal's verdict rests on rather than one figure.
 *
 * <p>The interval is distribution-free: between two order statistics chosen from the binomial
 * distribution, so it assumes nothing about the shape of the rounds' figures. On a shared machine
 * a round now and then is hit by something else (a ratio of 0.2 or 9 among rounds near 1): a
 * Student-t interval of the mean widens with every such round until no goal resolves; the
 * median's interval does not move for a few of them.
 */
public record Interval(double center, double low, double high, int n) {

    /** Normal approximation of the binomial beyond this many rounds (the exact sum loses nothing below). */
    private static final int EXACT_UP_TO = 1_000;

    public static Interval ofMedian(double... figures) {
        if (figures.length < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least 2 rounds, got " + figures.length);
        }
        double[] sorted = figures.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int k = lowerRank(n); // 1-based: the interval is [x(k), x(n − k + 1)]
        return new Interval(median(sorted), sorted[k - 1], sorted[n - k], n);
    }

    /**
     * The largest rank k with P(Binomial(n, ½) < k) ≤ 2.5 %: the k-th smallest figure is below the
     * true median with probability at least 97.5 %. At least 1 (with few rounds: min to max).
     */
    static int lowerRank(int n) {
        if (n > EXACT_UP_TO) {
            return Math.max(1, (int) Math.floor(n / 2.0 - 1.96 * Math.sqrt(n) / 2));
        }
        double cumulative = 0;
        double probability = Math.pow(0.5, n); // P(X = 0)
        int k = 1;
        for (int x = 0; x < n; x++) {
            cumulative += probability; // P(X ≤ x) = P(X < x + 1)
            if (cumulative > 0.025) {
                break;
            }
            k = x + 1;
            probability = probability * (n - x) / (x + 1);
        }
        return Math.max(1, k);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    /** The interval lies wholly on one side of {@code limit}: the verdict no longer depends on chance. */
    public boolean excludes(double limit) {
        return low >= limit || high < limit;
    }
}
