package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.FleetEvents.FleetEvent;
import dev.graphfleet.console.service.FleetEvents.Level;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class FleetEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    public static FleetInstance node(String id, NodeType role, Health health, double volumeGb,
                              NodeSummary.Attachment... attachments) {
        NodeSummary summary = health == Health.UNREACHABLE ? null : new NodeSummary(NOW, 60L,
                new NodeSummary.VolumeUsage(volumeGb, 1, volumeGb - 1, 1 / volumeGb, "/data"), null, null, Map.of(),
                List.of(attachments), List.of());
        return new FleetInstance(id, role, URI.create("http://127.0.0.1:1/" + id), "running", health,
                health == Health.UNREACHABLE ? "connection refused" : null, null, null, null, summary, null);
    }

    public static FleetSnapshot fleet(FleetInstance... instances) {
        return new FleetSnapshot("local", NOW, "nodes(3)", true, null, List.of(), List.of(instances), List.of());
    }

    @Test
    void nothingBeforeTheFirstRefreshAndNothingWhenNothingChanged() {
        FleetSnapshot a = fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 500));
        assertThat(FleetEvents.between(null, a)).isEmpty();
        assertThat(FleetEvents.between(a, fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 500)))).isEmpty();
    }

    @Test
    void aReplicaGoingDownAndComingBack() {
        FleetSnapshot up = fleet(node("replica-b", NodeType.SHARED_REPLICA, Health.HEALTHY, 500));
        FleetSnapshot down = fleet(node("replica-b", NodeType.SHARED_REPLICA, Health.UNREACHABLE, 500));
        assertThat(FleetEvents.between(up, down)).containsExactly(new FleetEvent(Level.PROBLEM, "replica-b",
                "replica-b (shared replica) is down (unreachable): connection refused"));
        assertThat(FleetEvents.between(down, up)).containsExactly(new FleetEvent(Level.RECOVERY, "replica-b",
                "replica-b (shared replica) is healthy again"));
    }

    @Test
    void aVolumeThatGrew() {
        FleetSnapshot small = fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 1));
        FleetSnapshot grown = fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 51));
        assertThat(FleetEvents.between(small, grown)).containsExactly(new FleetEvent(Level.INFO, "writer-1",
                "The data volume of writer-1 expanded from 1 GB to 51 GB"));
        assertThat(FleetEvents.between(grown, small)).isEmpty(); // volumes never shrink; a smaller reading is no news
    }

    @Test
    void anAttachmentThatFailedOnceIsToldOnce() {
        NodeSummary.Attachment attaching = new NodeSummary.Attachment("sec", "downloading", "v3", null);
        NodeSummary.Attachment failed = new NodeSummary.Attachment("sec", "failed", "v3", "checksum mismatch");
        FleetSnapshot a = fleet(node("replica-1", NodeType.SHARED_REPLICA, Health.HEALTHY, 500, attaching));
        FleetSnapshot b = fleet(node("replica-1", NodeType.SHARED_REPLICA, Health.HEALTHY, 500, failed));
        assertThat(FleetEvents.between(a, b)).containsExactly(new FleetEvent(Level.PROBLEM, "replica-1",
                "Attaching sec v3 on replica-1 failed: checksum mismatch"));
        assertThat(FleetEvents.between(b, b)).isEmpty();
    }

    @Test
    void theSourceStoppingIsOneEventNotOnePerInstance() {
        FleetSnapshot up = fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 500),
                node("replica-1", NodeType.SHARED_REPLICA, Health.HEALTHY, 500));
        FleetSnapshot gone = FleetSnapshot.unreachable("local", NOW, "aws(prod)", "timeout");
        assertThat(FleetEvents.between(up, gone)).singleElement().extracting(FleetEvent::text)
                .isEqualTo("The source aws(prod) stopped answering");
        assertThat(FleetEvents.between(gone, up)).singleElement().extracting(FleetEvent::level)
                .isEqualTo(Level.RECOVERY);
    }

    @Test
    void instancesJoiningAndLeaving() {
        FleetSnapshot one = fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 500));
        FleetSnapshot two = fleet(node("writer-1", NodeType.WRITER, Health.HEALTHY, 500),
                node("replica-3", NodeType.SHARED_REPLICA, Health.HEALTHY, 500));
        assertThat(FleetEvents.between(one, two)).extracting(FleetEvent::text)
                .containsExactly("replica-3 (shared replica) joined the fleet (healthy)");
        assertThat(FleetEvents.between(two, one)).extracting(FleetEvent::text)
                .containsExactly("replica-3 (shared replica) left the fleet");
    }
}
