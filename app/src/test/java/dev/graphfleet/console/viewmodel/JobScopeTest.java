package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.actions.ActionRequest;
import dev.graphfleet.fleet.FleetInstance;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which instances a running job may take down: their changes are the job's doing, not an alarm. */
class JobScopeTest {

    private static final List<FleetInstance> FLEET = List.of(
            node("w-1", NodeType.WRITER).build(),
            node("m-1", NodeType.SHARED_MASTER).build(),
            node("blue-1", NodeType.SHARED_REPLICA).group("blue").build(),
            node("green-1", NodeType.SHARED_REPLICA).group("green").build(),
            node("loose-1", NodeType.SHARED_REPLICA).build());

    private static List<String> scope(ActionRequest request) {
        Predicate<FleetInstance> in = JobScope.of(request);
        return FLEET.stream().filter(in).map(FleetInstance::id).toList();
    }

    @Test
    void aNodeJobCoversThatNodeOnly() {
        assertThat(scope(new ActionRequest.RestartNode("m-1"))).containsExactly("m-1");
        assertThat(scope(new ActionRequest.Invalidate("w-1", URI.create("http://10.0.1.5:8001"), "customer_a")))
                .containsExactly("w-1");
    }

    @Test
    void aGroupJobCoversItsReplicasAndTheReplicasOfASourceWithoutGroups() {
        assertThat(scope(new ActionRequest.Snapshot("blue", "sec"))).containsExactly("blue-1", "loose-1");
        assertThat(scope(new ActionRequest.RollingRefresh("green", "sec"))).containsExactly("green-1", "loose-1");
        assertThat(scope(new ActionRequest.Rollback("blue", "sec"))).containsExactly("blue-1", "loose-1");
    }

    @Test
    void theVolumeMonitorMayTouchEveryNode() {
        assertThat(scope(new ActionRequest.RunVolumeMonitor())).hasSize(FLEET.size());
    }
}
