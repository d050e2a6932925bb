package dev.graphfleet.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.NodeSettings;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CHECKPOINT through a real node's API, as the AWS snapshot does on the master first. */
class NodeCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aRealNodeCheckpointsAndAWrongKeyOrDatabaseIsReported() {
        try (GraphPool pool = TestPools.writer(dir, 1)) {
            pool.query("sec", "CREATE NODE TABLE Company(cik STRING, PRIMARY KEY(cik))");
        }
        try (GraphNode node = GraphNode.start(NodeSettings.defaults(dir).withListen("127.0.0.1", 0)
                .withApiKey("the-key").withDatabases(TestPools.smallDefaults(2)).withMemoryBudgetBytes(1L << 30)
                // a busy test machine must not refuse the checkpoint on CPU
                .withAdmission(new AdmissionSettings(95, 100, 100, 10, Duration.ofSeconds(5), Duration.ofSeconds(1))))) {
            new NodeCheckpoint("the-key", Duration.ofSeconds(30)).checkpoint(node.uri(), "sec");
            assertThat(node.pool().query("sec", "MATCH (c:Company) RETURN count(c)")).isNotNull();

            assertThatThrownBy(() -> new NodeCheckpoint("wrong", Duration.ofSeconds(30)).checkpoint(node.uri(), "sec"))
                    .hasMessageContaining("answered HTTP 401");
            assertThatThrownBy(() -> new NodeCheckpoint("the-key", Duration.ofSeconds(30)).checkpoint(node.uri(), "nope"))
                    .hasMessageContaining("answered HTTP 404");
        }
    }
}
