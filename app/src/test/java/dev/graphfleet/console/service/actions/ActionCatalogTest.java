package dev.graphfleet.console.service.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    private static FleetInstance node(String id, NodeType role, Health health, String... repositories) {
        NodeSummary summary = new NodeSummary(NOW, 60L, null, null, null, Map.of(),
                java.util.Arrays.stream(repositories).map(r -> new NodeSummary.Attachment(r, "attached", "v1", null))
                        .toList(), List.of());
        return new FleetInstance(id, role, URI.create("http://127.0.0.1:9/" + id), "running", health, null, null,
                null, null, summary, null);
    }

    private static final FleetSnapshot FLEET = new FleetSnapshot("local", NOW, "nodes(3)", true, null, List.of(),
            List.of(node("writer-1", NodeType.WRITER, Health.HEALTHY),
                    node("replica-1", NodeType.SHARED_REPLICA, Health.HEALTHY, "sec", "industry"),
                    node("replica-2", NodeType.SHARED_REPLICA, Health.UNREACHABLE, "sec")),
            List.of());

    private static List<String> titles(List<ActionRequest> requests) {
        return requests.stream().map(ActionRequest::title).toList();
    }

    @Test
    void aListOfNodesOffersItsDatabasesFromDetailsAndAttachmentsButNoGroups() {
        FleetActions nodes = FleetActions.nodesOnly(NodeInvalidator.create(java.time.Duration.ofSeconds(1), null), "no");
        NodeDetail writerDetail = new NodeDetail(null, Map.of("customer_b", 1L),
                List.of(new NodeDetail.DatabasePool("customer_a", 0, 1, 4, true)), 0, 0, 0, List.of(), null);

        List<ActionRequest> requests = ActionCatalog.requests(FLEET, Map.of("writer-1", writerDetail), nodes);

        assertThat(titles(requests)).containsExactly(
                "Run the volume monitor (plan, then apply)",
                "Invalidate customer_a on writer-1", "Invalidate customer_b on writer-1",
                "Invalidate industry on replica-1", "Invalidate sec on replica-1");
        // replica-2 does not answer: nothing to invalidate there
    }

    @Test
    void theLocalFleetAddsItsReplicasAsAGroupItsKnownDatabasesAndRestarts() {
        FleetActions local = new LocalFleetActions(null, java.nio.file.Path.of("/nonexistent"),
                NodeInvalidator.create(java.time.Duration.ofSeconds(1), null), java.time.Clock.systemUTC());
        List<String> titles = titles(ActionCatalog.requests(FLEET, Map.of(), local));

        assertThat(titles).contains("Snapshot industry and roll it out to local replicas",
                "Rolling refresh of local replicas to the newest sec", "Roll back economic on local replicas",
                "Invalidate customer_a on writer-1", "Invalidate economic on replica-1");
        // no fleet (nor its control endpoint) found: no restarts offered
        assertThat(titles).noneMatch(t -> t.startsWith("Restart"));
        assertThat(local.unavailable(ActionKind.SNAPSHOT)).contains("has no control endpoint");
        assertThat(local.unavailable(ActionKind.INVALIDATE)).isNull();
        assertThat(local.unavailable(ActionKind.VOLUME_MONITOR)).isNull();
    }
}
