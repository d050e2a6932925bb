package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local fleet's snapshot names its one replica group on every replica, and on nothing else. */
class LocalFleetSourceTest {

    @Test
    void replicasAreInTheLocalFleetsGroupAndOtherNodesInNone() {
        FleetSnapshot read = new FleetSnapshot("local", Instant.EPOCH, "nodes(4)", true, null, List.of(), List.of(
                instance("writer-1", NodeType.WRITER), instance("master-1", NodeType.SHARED_MASTER),
                instance("replica-1", NodeType.SHARED_REPLICA), instance("silent", null)), List.of("w"));

        FleetSnapshot grouped = LocalFleetSource.withReplicaGroup(read);

        assertThat(grouped.instances()).extracting(FleetInstance::id, FleetInstance::group).containsExactly(
                org.assertj.core.groups.Tuple.tuple("writer-1", null), org.assertj.core.groups.Tuple.tuple("master-1", null),
                org.assertj.core.groups.Tuple.tuple("replica-1", LocalFleet.GROUP),
                org.assertj.core.groups.Tuple.tuple("silent", null));
        assertThat(grouped.warnings()).containsExactly("w");
        assertThat(LocalFleet.GROUP).isEqualTo("replicas");
    }

    private static FleetInstance instance(String id, NodeType role) {
        return new FleetInstance(id, role, null, "ready", Health.HEALTHY, null, null, null, null, null, null);
    }
}
