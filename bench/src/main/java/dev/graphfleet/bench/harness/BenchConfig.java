package dev.graphfleet.bench.harness;

import java.nio.file.Path;

/**
 * What one benchmark run may use. {@code quick} shrinks sizes and iterations to a smoke test of the
 * whole pipeline; its figures prove the plumbing, not the goals.
 */
public record BenchConfig(boolean quick, Path workDir) {

    /** Picks the quick or the full value. */
    public int pick(int quickValue, int fullValue) {
        return quick ? quickValue : fullValue;
    }

    public long pick(long quickValue, long fullValue) {
        return quick ? quickValue : fullValue;
    }
}
