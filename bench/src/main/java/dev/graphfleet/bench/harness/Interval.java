package dev.graphfleet.bench.harness;

/**
 * The mean of per-round figures with its two-sided 95 % Student-t confidence interval (for ratios of
 * interleaved sides: {@link #ofRatios}): what a goal's verdict rests on, rather than one median.
 */
public record Interval(double mean, double low, double high, int n) {

    /** t(0.975, df) for df = 1..30; beyond that the normal 1.96 is close enough. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    public static Interval of(double... samples) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least 2 rounds, got " + samples.length);
        }
        double sum = 0;
        for (double s : samples) {
            sum += s;
        }
        double mean = sum / samples.length;
        double squares = 0;
        for (double s : samples) {
            squares += (s - mean) * (s - mean);
        }
        double standardError = Math.sqrt(squares / (samples.length - 1) / samples.length);
        int df = samples.length - 1;
        double t = df <= T975.length ? T975[df - 1] : 1.96;
        return new Interval(mean, mean - t * standardError, mean + t * standardError, samples.length);
    }

    /**
     * For ratios: the interval of the mean of their logarithms, taken back (a geometric mean). A ratio
     * is skewed (0.5 and 2 are equally far from 1) and never negative; its interval should be neither.
     * With a ratio of 0 among them (a side that served nothing in a round), the arithmetic interval.
     */
    public static Interval ofRatios(double... ratios) {
        double[] logs = new double[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            if (!(ratios[i] > 0)) {
                return of(ratios); // a side that did nothing in a round has no logarithm: the plain mean says so
            }
            logs[i] = Math.log(ratios[i]);
        }
        Interval log = of(logs);
        return new Interval(Math.exp(log.mean()), Math.exp(log.low()), Math.exp(log.high()), log.n());
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    /** The interval lies wholly on one side of {@code limit}: the verdict no longer depends on chance. */
    public boolean excludes(double limit) {
        return low >= limit || high < limit;
    }
}
