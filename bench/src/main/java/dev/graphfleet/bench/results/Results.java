package dev.graphfleet.bench.results;

import java.util.List;

/** docs/benchmarks/results.json: the machine, the run, every section. The doc is generated from this alone. */
public record Results(Machine machine, String generatedAt, boolean quick, String command, double seconds,
                      List<Section> sections) {

    public Results {
        sections = List.copyOf(sections);
    }

    public record Machine(String cpu, int cores, long memoryMiB, String os, String jdk, String graphEngine,
                          double loadAverageAtStart) {
    }
}
