package dev.graphfleet.bench.harness;

import dev.graphfleet.bench.results.Section;
import java.util.List;

/** One section of docs/benchmarks.md: runs in its own JVM, measures a goal against its baseline. */
public interface Benchmark {

    /** Short name on the command line: {@code ./graphfleet bench NAME}. */
    String name();

    Section run(BenchConfig config) throws Exception;

    /** The threads whose JFR samples explain a missed goal ("" for all): the console's goal is its FX thread's. */
    default String profiledThreads() {
        return "";
    }

    /** JVM options for the forked JVM this benchmark runs in. */
    default List<String> jvmOptions() {
        return List.of("-Xmx2g");
    }
}
