package dev.graphfleet.node;

import dev.graphfleet.node.metrics.MetricsSettings;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;

/** Nodes on loopback with real databases, small buffer pools and an ephemeral port. */
final class TestNodes {

    /** Rows of {@code people}: more than the 10,000-row limit, and not a multiple of the chunk size. */
    static final int PEOPLE = 12_345;

    private TestNodes() {
    }

    static NodeSettings settings(Path dataDir) {
        return NodeSettings.defaults(dataDir)
                .withNodeId("test-node")
                .withListen("127.0.0.1", 0)
                .withDatabases(TestPools.smallDefaults(3))
                .withPool(TestPools.manualMaintenance())
                .withMemoryBudgetBytes(1L << 30)
                .withMetrics(MetricsSettings.DEFAULTS.withSizeScanInterval(Duration.ofMillis(200)))
                .withShutdownGrace(Duration.ofSeconds(10));
    }

    /** Creates {@code people} (Person 1..12,345) and an empty {@code empty} database, then closes them. */
    static void seed(Path dataDir) {
        try (GraphPool pool = TestPools.writer(dataDir, 2)) {
            pool.query("people", "CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))");
            pool.query("people", "UNWIND range(1, " + PEOPLE + ") AS i CREATE (:Person {id: i, name: 'p' + CAST(i AS STRING)})");
            pool.query("empty", "RETURN 1");
        }
    }
}
