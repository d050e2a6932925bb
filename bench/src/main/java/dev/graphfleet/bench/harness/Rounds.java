package dev.graphfleet.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Rounds of interleaved sides until a goal's verdict is resolved: each round measures every side
 * once (order rotated, so drifting load from elsewhere hits each alike) and yields one ratio; after
 * {@code minRounds}, rounds go on until the 95 % interval of the ratios' median lies on one side of the limit
 * and is narrower than {@code margin} on each side, or {@code maxRounds} are spent.
 */
public final class Rounds {

    /** One round: measures every side and returns the round's ratio. {@code round} rotates the order. */
    public interface Round {
        double run(int round) throws Exception;
    }

    private Rounds() {
    }

    public static Interval untilResolved(int minRounds, int maxRounds, double limit, double margin, Round round)
            throws Exception {
        List<Double> ratios = new ArrayList<>();
        while (true) {
            ratios.add(round.run(ratios.size()));
            if (ratios.size() < Math.max(2, minRounds)) {
                continue;
            }
            Interval interval = Interval.ofMedian(ratios.stream().mapToDouble(Double::doubleValue).toArray());
            if (ratios.size() >= maxRounds || interval.excludes(limit) && interval.halfWidth() <= margin) {
                return interval;
            }
        }
    }
}
