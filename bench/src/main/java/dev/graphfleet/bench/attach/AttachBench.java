package dev.graphfleet.bench.attach;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.results.Section;

public final class AttachBench implements Benchmark {
    @Override
    public String name() {
        return "attach";
    }

    @Override
    public Section run(BenchConfig config) {
        throw new UnsupportedOperationException("TODO");
    }
}
