package dev.graphfleet.bench.results;

/** A method JFR sampled most often on the CPU during a run: {@code share} of the samples (0..1). */
public record Hotspot(String frame, double share, String kind) {
}
