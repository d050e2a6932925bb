package dev.graphfleet.bench.memory;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.results.Section;

public final class NodeMemoryBench implements Benchmark {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Section run(BenchConfig config) {
        throw new UnsupportedOperationException("TODO");
    }
}
