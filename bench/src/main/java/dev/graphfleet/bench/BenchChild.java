package dev.graphfleet.bench;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.results.Section;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The forked JVM of one benchmark: {@code BenchChild NAME OUT.json WORKDIR QUICK}.
 * Each benchmark gets a fresh JVM so one's JIT state, heap and native memory do not colour the next.
 */
public final class BenchChild {

    private BenchChild() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = Benchmarks.named(args[0]).orElseThrow();
        Path out = Path.of(args[1]);
        BenchConfig config = new BenchConfig(Boolean.parseBoolean(args[3]), Files.createDirectories(Path.of(args[2])));
        int code = 0;
        try {
            Section section = benchmark.run(config);
            Json.MAPPER.writeValue(out.toFile(), section);
        } catch (Throwable e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // servers and pools the benchmark left behind must not keep the JVM alive
    }
}
