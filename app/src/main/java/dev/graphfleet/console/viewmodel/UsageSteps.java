package dev.graphfleet.console.viewmodel;

import dev.graphfleet.volume.UsageSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the steps out of a volume's used-GB series before a trend is fitted: a restart or a rollout
 * moves usage once (a jump between two readings far above the series' usual change), it does not make
 * the volume grow. A jump is a step when the readings after it go back to the usual change; jumps in a
 * row are growth, and a jump in the latest reading cannot be told apart yet ({@link #pendingJump}).
 *
 * @param samples     the series with every step taken out (later readings shifted by the step)
 * @param steps       how many steps were taken out
 * @param pendingJump the latest change is a jump that no later reading has confirmed or ruled out
 */
record UsageSteps(List<UsageSample> samples, int steps, boolean pendingJump) {

    /** A change this many median deviations from the usual one is a jump… */
    private static final double DEVIATIONS = 8;
    /** …and at least this share of the volume's size, so measuring noise never counts. */
    private static final double MIN_SHARE_OF_SIZE = 0.002;

    static UsageSteps of(List<UsageSample> series, double sizeGb) {
        int n = series.size();
        if (n < 3) {
            return new UsageSteps(series, 0, false);
        }
        double[] deltas = new double[n - 1];
        for (int i = 1; i < n; i++) {
            deltas[i - 1] = series.get(i).usedGb() - series.get(i - 1).usedGb();
        }
        double usual = median(deltas.clone());
        double[] deviations = new double[deltas.length];
        for (int i = 0; i < deltas.length; i++) {
            deviations[i] = Math.abs(deltas[i] - usual);
        }
        double limit = Math.max(DEVIATIONS * median(deviations.clone()), MIN_SHARE_OF_SIZE * sizeGb);
        boolean[] jump = new boolean[deltas.length];
        for (int i = 0; i < deltas.length; i++) {
            jump[i] = deviations[i] > limit;
        }
        List<UsageSample> out = new ArrayList<>(n);
        out.add(series.get(0));
        double shift = 0;
        int steps = 0;
        for (int i = 0; i < deltas.length; i++) {
            boolean isolated = jump[i] && (i == 0 || !jump[i - 1]) && i + 1 < deltas.length && !jump[i + 1];
            if (isolated) {
                shift += deltas[i] - usual;
                steps++;
            }
            UsageSample s = series.get(i + 1);
            out.add(new UsageSample(s.at(), s.usedGb() - shift));
        }
        boolean pending = jump[deltas.length - 1] && (deltas.length < 2 || !jump[deltas.length - 2]);
        return new UsageSteps(out, steps, pending);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
