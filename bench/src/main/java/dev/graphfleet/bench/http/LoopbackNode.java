package dev.graphfleet.bench.http;

import dev.graphfleet.bench.harness.BenchPools;
import dev.graphfleet.bench.pool.GraphFixture;
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.NodeSettings;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.PooledConnection;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The node the HTTP benchmarks query: a writer in the benchmark's JVM on 127.0.0.1 (any free port),
 * serving the pool benchmark's graph with a 512 MiB buffer pool, a 30 s query timeout, manual pool
 * maintenance and a 4 GiB memory budget. Each benchmark chooses its connections and admission.
 */
final class LoopbackNode {

    private LoopbackNode() {
    }

    /** Starts the node and reads the whole graph once, so no side starts with a cold buffer pool. */
    static GraphNode startWarm(Path graph, String nodeId, int connections, AdmissionSettings admission) {
        NodeSettings settings = NodeSettings.defaults(graph)
                .withNodeId(nodeId)
                .withListen("127.0.0.1", 0)
                .withDatabases(BenchPools.smallDefaults(connections).withBufferPoolBytes(512 * DatabaseDefaults.MIB)
                        .withQueryTimeout(Duration.ofSeconds(30)))
                .withPool(BenchPools.manualMaintenance())
                .withMemoryBudgetBytes(4096 * DatabaseDefaults.MIB)
                .withAdmission(admission);
        GraphNode node = GraphNode.start(settings);
        try (PooledConnection c = node.pool().borrow(GraphFixture.DATABASE)) {
            c.query(GraphFixture.WARM_ALL).all();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }
}
