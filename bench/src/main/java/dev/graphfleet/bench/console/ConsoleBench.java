package dev.graphfleet.bench.console;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.results.Section;

public final class ConsoleBench implements Benchmark {
    @Override
    public String name() {
        return "console";
    }

    @Override
    public Section run(BenchConfig config) {
        throw new UnsupportedOperationException("TODO");
    }
}
