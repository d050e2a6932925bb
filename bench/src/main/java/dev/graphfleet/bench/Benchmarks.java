package dev.graphfleet.bench;

import dev.graphfleet.bench.attach.AttachBench;
import dev.graphfleet.bench.console.ConsoleBench;
import dev.graphfleet.bench.deadline.DeadlineBench;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.http.AdmissionBench;
import dev.graphfleet.bench.http.HttpBench;
import dev.graphfleet.bench.memory.HostileMemoryBench;
import dev.graphfleet.bench.memory.NodeMemoryBench;
import dev.graphfleet.bench.metrics.MetricsBench;
import dev.graphfleet.bench.pool.PoolJmhBench;
import dev.graphfleet.bench.pool.PoolThroughputBench;
import dev.graphfleet.bench.volume.VolumeScanBench;
import java.util.List;
import java.util.Optional;

/** Every benchmark, in the order of DESIGN's goals and of docs/benchmarks.md. */
final class Benchmarks {

    private Benchmarks() {
    }

    static List<Benchmark> all() {
        return List.of(new PoolThroughputBench(), new PoolJmhBench(), new AttachBench(), new MetricsBench(),
                new VolumeScanBench(), new ConsoleBench(), new NodeMemoryBench(), new HostileMemoryBench(),
                new DeadlineBench(), new HttpBench(), new AdmissionBench());
    }

    static Optional<Benchmark> named(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return all().stream().map(Benchmark::name).toList();
    }
}
