package dev.graphfleet.bench.harness;

import dev.graphfleet.bench.results.Section;
import java.util.List;

/** One section of docs/benchmarks.md: runs in its own JVM, measures a goal against its baseline. */
public interface Benchmark {

    /** Short name on the command line: {@code ./graphfleet bench NAME}. */
    String name();

    Section run(BenchConfig config) throws Exception;

    /** Names of the threads whose JFR samples explain a missed goal (empty: all): the console's goal is its FX thread's. */
    default java.util.Set<String> profiledThreads() {
        return java.util.Set.of();
    }

    /** JVM options for the forked JVM this benchmark runs in. */
    default List<String> jvmOptions() {
        return List.of("-Xmx2g");
    }
}
