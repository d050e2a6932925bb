package dev.graphfleet.bench.metrics;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.results.Section;

public final class MetricsBench implements Benchmark {
    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Section run(BenchConfig config) {
        throw new UnsupportedOperationException("TODO");
    }
}
