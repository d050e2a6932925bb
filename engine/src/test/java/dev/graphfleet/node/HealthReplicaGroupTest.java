package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose config names its replica group says it on /health, and a list of node URLs shows it. */
class HealthReplicaGroupTest {

    @TempDir
    Path dir;

    @Test
    void aReplicaSaysItsGroupAndANodeWithoutOneLeavesTheFieldOut() throws Exception {
        Path replicaDir = Files.createDirectories(dir.resolve("r"));
        Path writerDir = Files.createDirectories(dir.resolve("w"));
        TestNodes.seed(replicaDir);
        TestNodes.seed(writerDir);
        try (GraphNode replica = GraphNode.builder(TestNodes.settings(replicaDir).withNodeId("replica-1")
                        .withType(NodeType.SHARED_REPLICA)).resources(FixedResources.idle())
                .replicaGroup("shared-replicas").start();
             GraphNode writer = GraphNode.builder(TestNodes.settings(writerDir).withNodeId("writer-1"))
                     .resources(FixedResources.idle()).start()) {
            JsonNode said = new Http(replica.uri()).get("/health").json();
            assertThat(said.get("replica_group").asText()).isEqualTo("shared-replicas");
            assertThat(new Http(writer.uri()).get("/health").json().has("replica_group")).isFalse();

            try (FleetSource source = NodesFleetSource.create(List.of(replica.uri(), writer.uri()),
                    ProbeOptions.defaults())) {
                assertThat(source.snapshot().instances()).extracting(FleetInstance::id, FleetInstance::group)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("replica-1", "shared-replicas"),
                                org.assertj.core.groups.Tuple.tuple("writer-1", null));
            }
        }
    }
}
