package dev.graphfleet.bench.harness;

/** Warm-up runs (discarded), then measured iterations: the one loop every end-to-end benchmark uses. */
public final class Trials {

    /** One measured run; returns its figure (ms, q/s...). */
    public interface Trial {
        double run(int iteration) throws Exception;
    }

    private Trials() {
    }

    public static Stats run(int warmups, int iterations, Trial trial) throws Exception {
        for (int i = 0; i < warmups; i++) {
            trial.run(-1 - i);
        }
        double[] samples = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            samples[i] = trial.run(i);
        }
        return Stats.of(samples);
    }

    public static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
