package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.GIB;
import static dev.graphfleet.console.testing.FleetStates.NOW;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.console.testing.FleetStates;
import dev.graphfleet.console.viewmodel.NodeViewModel.Attachment;
import dev.graphfleet.console.viewmodel.NodeViewModel.Database;
import dev.graphfleet.console.viewmodel.NodeViewModel.Figure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node drawer as an operator reads it: the node's figures, its databases, its attachments, its chart. */
class NodeViewModelTest {

    private final NodeHistory history = new NodeHistory();
    private final NodeViewModel model = new NodeViewModel(history);

    private static NodeDetail detail(Map<String, Long> buffers, List<NodeDetail.DatabasePool> pools,
                                     NodeDetail.Attachment... attachments) {
        return new NodeDetail(16 * GIB, buffers, pools, 0, 0, 0, List.of(attachments), null);
    }

    @Test
    void everyFigureOfTheNodeInWords() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("w-1", NodeType.WRITER).instanceType("r7g.large")
                        .group("blue").dataVersion("snap-0042").simulatedVolume().stale("system")
                        .pool(1, 2, 10, 4, 0).build()))
                .detail("w-1", detail(Map.of(), List.of())).build());
        model.show("w-1");

        assertThat(model.titleProperty().get()).isEqualTo("w-1 · writer · healthy");
        assertThat(model.noteProperty().get()).isEmpty();
        assertThat(model.figures()).containsExactly(
                new Figure("Health", "healthy"),
                new Figure("Endpoint", "http://10.0.1.5:8001/w-1"),
                new Figure("Instance type", "r7g.large"),
                new Figure("Group", "blue"),
                new Figure("Data version", "snap-0042"),
                new Figure("Uptime", "3 h 25 min"),
                new Figure("Data volume", "210 GB of 500 GB used (42 %) on /mnt/lbug-data, simulated"),
                new Figure("Memory", "6.0 GiB of buffer pools in 3 open databases, budget 12.0 GiB, process 2.4 GiB"),
                new Figure("Connections", "1 in use · 2 idle · 10 max over 1 database; 4 waits, 0 timeouts"),
                new Figure("Stale", "system"));
    }

    @Test
    void aNodeOverBudgetOrWithoutFiguresSaysSo() {
        model.show("a");
        model.apply(state(node("a", NodeType.SHARED_MASTER).bufferPool(12 * GIB, 14 * GIB, 1, null).build()));
        assertThat(model.figures()).contains(
                new Figure("Memory", "14.0 GiB of buffer pools in 1 open database, budget 12.0 GiB — over budget"));
        assertThat(model.noteProperty().get()).isEqualTo("Reading the node's databases and attachments…");

        model.apply(state(node("a", NodeType.SHARED_MASTER).down("connection refused").build()));
        assertThat(model.titleProperty().get()).isEqualTo("a · shared master · unreachable");
        assertThat(model.figures()).containsExactly(new Figure("Health", "unreachable (connection refused)"),
                new Figure("Endpoint", "http://10.0.1.5:8001/a"));

        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.SHARED_MASTER)
                        .metricsError("/metrics: HTTP 401").build()))
                .detail("a", NodeDetail.failed("/metrics: HTTP 401")).build());
        assertThat(model.figures()).first().isEqualTo(new Figure("Health", "healthy (/metrics: HTTP 401)"));
        assertThat(model.noteProperty().get()).isEqualTo("Its details could not be read: /metrics: HTTP 401");
        assertThat(model.databases()).isEmpty();

        model.apply(state(node("a", NodeType.SHARED_MASTER).health(dev.graphfleet.fleet.Health.UNHEALTHY, " ")
                .noVolume().noBufferPool().noPool().build()));
        assertThat(model.figures()).containsExactly(new Figure("Health", "unhealthy"),
                new Figure("Endpoint", "http://10.0.1.5:8001/a"), new Figure("Uptime", "3 h 25 min"));
    }

    @Test
    void eachDatabaseWithItsBufferPoolAndConnectionsByName() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("w-1", NodeType.WRITER).build()))
                .detail("w-1", detail(Map.of("customer_b", 2 * GIB, "customer_a", GIB),
                        List.of(new NodeDetail.DatabasePool("customer_a", 1, 2, 10, true),
                                new NodeDetail.DatabasePool("customer_c", 0, 0, 10, false)))).build());
        model.show("w-1");

        assertThat(model.databases()).containsExactly(
                new Database("customer_a", "1.0 GiB", "1 in use · 2 idle · 10 max"),
                new Database("customer_b", "2.0 GiB", "—"),
                new Database("customer_c", "closed", "0 in use · 0 idle · 10 max (closed)"));
    }

    @Test
    void attachmentsFromTheDetailsWithProgressElseFromTheFleetSummary() {
        ConsoleState withDetails = FleetStates.refresh(FleetStates.fleet(node("r-1", NodeType.SHARED_REPLICA)
                        .attachment("sec", "downloading", null, null).build()))
                .detail("r-1", detail(Map.of(), List.of(),
                        new NodeDetail.Attachment("sec", "downloading", "v3", GIB, 4 * GIB, 2, null, null),
                        new NodeDetail.Attachment("legal", "pending", null, 0, 0, 1, null, null),
                        new NodeDetail.Attachment("economic", "failed", "v1", 4 * GIB, 4 * GIB, 1, "checksum mismatch",
                                null))).build();
        model.show("r-1");
        model.apply(withDetails);

        assertThat(model.attachments()).containsExactly(
                new Attachment("sec", "downloading", "v3", "25 % (attempt 2)", ""),
                new Attachment("legal", "pending", "—", "—", ""),
                new Attachment("economic", "failed", "v1", "100 %", "checksum mismatch"));
        assertThat(model.attachments().get(2).styleClass()).isEqualTo("phase-failed");

        model.apply(state(node("r-1", NodeType.SHARED_REPLICA).attachment("sec", "failed", null, "disk full")
                .attachment("legal", "attached", "v2", null).build()));
        assertThat(model.attachments()).containsExactly(new Attachment("sec", "failed", "—", "—", "disk full"),
                new Attachment("legal", "attached", "v2", "—", ""));

        model.apply(state(node("r-1", NodeType.SHARED_REPLICA).down(null).build()));
        assertThat(model.attachments()).isEmpty();
    }

    @Test
    void aNodeGoneFromTheFleetOrClosedShowsNothing() {
        model.apply(state(node("a", NodeType.WRITER).build()));
        model.show("gone");
        assertThat(model.titleProperty().get()).isEqualTo("gone");
        assertThat(model.noteProperty().get()).isEqualTo("Not in the last refresh");
        assertThat(model.figures()).isEmpty();

        model.show("a");
        assertThat(model.figures()).isNotEmpty();
        model.show(null);
        assertThat(model.instanceIdProperty().get()).isEmpty();
        assertThat(model.titleProperty().get()).isEmpty();
        assertThat(model.noteProperty().get()).isEmpty();
        assertThat(model.figures()).isEmpty();
        assertThat(model.historyProperty(NodeHistory.Metric.MEMORY).get()).isEmpty();
        assertThat(model.historyNoteProperty().get()).isEmpty();

        model.apply(state(node("a", NodeType.WRITER).health(dev.graphfleet.fleet.Health.UNHEALTHY, "x").build()));
        assertThat(model.titleProperty().get()).as("closed: refreshes change nothing").isEmpty();
    }

    @Test
    void theChartSaysHowMuchHistoryIsKept() {
        model.show("a");
        model.apply(state(node("a", NodeType.WRITER).build()));
        assertThat(model.historyNoteProperty().get()).isEqualTo("No readings of this node kept yet");

        Instant start = NOW;
        for (int s = 0; s <= 60; s += 5) {
            history.record("a", start.plusSeconds(s), 6 * GIB, 12 * GIB, 1, 10, 210, 500);
        }
        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.WRITER).build()))
                .at(start.plusSeconds(60)).build());
        assertThat(model.historyProperty(NodeHistory.Metric.MEMORY).get()).hasSize(13);
        assertThat(model.historyNoteProperty().get()).isEqualTo("Kept so far: 1 min of the 5 min asked for"
                + " (since the console started or the node appeared)");

        for (int s = 65; s <= 180; s += 5) {
            history.record("a", start.plusSeconds(s), 6 * GIB, 12 * GIB, 1, 10, 210, 500);
        }
        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.WRITER).build()))
                .at(start.plusSeconds(180)).build());
        assertThat(model.historyNoteProperty().get()).as("3 min kept of 5: the coarse tier's 2 min are allowed for")
                .isEqualTo("The last 5 min: one reading per 5 s for the last minutes, one per 2 min before");

        model.rangeProperty().set(NodeHistory.Range.ONE_HOUR);
        assertThat(model.historyNoteProperty().get()).isEqualTo("Kept so far: 3 min of the 1 h asked for"
                + " (since the console started or the node appeared)");
        assertThat(model.historyProperty(NodeHistory.Metric.VOLUME).get()).isNotEmpty();
        assertThat(model.historyProperty(NodeHistory.Metric.CONNECTIONS).get()).isNotEmpty();
    }

    @Test
    void aRangeChosenBeforeAnyRefreshShowsNothing() {
        model.show("a");
        model.rangeProperty().set(NodeHistory.Range.SIX_HOURS);
        assertThat(model.historyNoteProperty().get()).isEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("a");
        assertThat(model.noteProperty().get()).isEqualTo("Not in the last refresh");
        assertThat(Duration.ofHours(6)).isEqualTo(model.rangeProperty().get().span());
    }
}
