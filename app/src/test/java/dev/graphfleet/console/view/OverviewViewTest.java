package dev.graphfleet.console.view;

import static dev.graphfleet.console.testing.NodeDocument.gib;
import static dev.graphfleet.console.view.ViewAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.console.viewmodel.ConsoleSection;
import dev.graphfleet.console.viewmodel.NodeHistory;
import dev.graphfleet.console.viewmodel.OverviewRow;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Overview, the first screen: on four real loopback nodes, one over its memory budget and one
 * down, the worst come first and every row says what is wrong in the texts drawn on screen.
 */
class OverviewViewTest {

    private ConsoleHarness console;
    private NodeServer replicaB;

    private void open(boolean dark) throws Exception {
        var master = Fleets.master().attachmentVersion("sec", "v2");
        // open buffer pools of 12 GiB against a budget of 8 GiB
        var replicaA = Fleets.replica("replica-a").attachmentVersion("sec", "v2")
                .bufferPool(gib(8), Map.of("a", gib(4), "b", gib(4), "c", gib(4)), gib(3));
        replicaB = NodeServer.start(Fleets.replica("replica-b").attachmentVersion("sec", "v1"));
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer()), NodeServer.start(master),
                NodeServer.start(replicaA), replicaB), List.of(), dark);
    }

    /**
     * Builds the views once before the first console opens: on a loaded machine loading the classes and the
     * stylesheets can take longer than the harness waits for its first frame.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> new javafx.scene.Scene(new ConsoleView(
                new dev.graphfleet.console.viewmodel.ConsoleViewModel("warm-up", java.time.ZoneOffset.UTC)), 800, 600)
                .getRoot().applyCss()).get(2, java.util.concurrent.TimeUnit.MINUTES);
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void theWorstNodesComeFirstAndSayWhatIsWrong() throws Exception {
        open(false);
        assertThat(console.model().sectionProperty().get()).as("the first screen").isEqualTo(ConsoleSection.OVERVIEW);
        console.refresh();
        console.refresh(); // a node slow to answer the first time (a loaded machine) has its name by now
        OverviewRow writerRow = row("writer-1");
        replicaB.stop();

        console.refresh();

        assertThat(console.model().overview().rows()).extracting(OverviewRow::id)
                .containsExactly("replica-b", "replica-a", "master-1", "writer-1");
        assertThat(row("writer-1")).as("updated in place, not rebuilt").isSameAs(writerRow);
        assertThat(console.find("#overview-summary", Label.class).getText())
                .isEqualTo("2 of 4 nodes need attention: 1 down, 1 with problems");
        List<List<String>> drawn = drawnRows();
        assertThat(drawn).hasSize(4);
        assertThat(drawn.get(0)).startsWith("unreachable", "replica-b", "shared replica", "unknown: unreachable",
                "no figures: unreachable", "no figures: unreachable", "no figures: unreachable");
        assertThat(drawn.get(0).get(7)).startsWith("unreachable");
        assertThat(drawn.get(1)).hasSize(8).startsWith("healthy", "replica-a", "shared replica", "sec v2",
                "12.0 GiB / 8.0 GiB");
        assertThat(drawn.get(1).subList(5, 8)).containsExactly("36 % of 500 GB · no forecast yet", "3 / 100 in use",
                "over memory budget");
        assertThat(drawn.get(2)).startsWith("healthy", "master-1", "shared master", "sec v2");
        assertThat(drawn.get(2).get(7)).isEqualTo("none");
        assertThat(drawn.get(3)).containsExactly("healthy", "writer-1", "writer", "no shared repositories",
                "6.0 GiB / 12.0 GiB", "42 % of 500 GB · no forecast yet", "3 / 30 in use", "none");
        assertThat(states(problemCell(1))).contains("exhausted");
        assertThat(states(problemCell(3))).contains("ok");
        assertThat(row("replica-a").memoryProperty().get().gauge().level()).isEqualTo("exhausted");
        assertThat(row("writer-1").memoryProperty().get().recent()).as("a sparkline point per reading")
                .isNotEmpty();
        assertThat(drawnSparklines()).as("memory, volume and pool of the 4 nodes, the one down from before it went down").isEqualTo(12);
        console.screenshot("overview-light");

        WaitForAsyncUtils.asyncFx(() -> console.model().darkThemeProperty().set(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawnRows().get(0)).startsWith("unreachable", "replica-b");
        assertThat(drawnSparklines()).isEqualTo(12);
        console.screenshot("overview-dark");
    }

    @Test
    void enterOnARowOpensTheDrawerWithItsHistoryOverTheChosenRange() throws Exception {
        open(false);
        console.refresh();
        console.refresh();

        console.robot().clickOn("replica-a");
        console.robot().type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.find("#node-panel", VBox.class).isVisible()).isTrue();
        assertThat(console.find("#node-title", Label.class).getText()).startsWith("replica-a · shared replica");
        for (String chart : List.of("#node-history-memory", "#node-history-connections", "#node-history-volume")) {
            assertThat(console.find(chart, HistoryChart.class).sampleCount()).as(chart).isGreaterThanOrEqualTo(1);
        }
        var node = console.assembly().operator().node();
        assertThat(node.historyProperty(NodeHistory.Metric.MEMORY).get().get(0).limit()).isEqualTo(gib(8));
        assertThat(console.find("#node-history-note", Label.class).getText())
                .startsWith("Kept so far: ").endsWith("of the 5 min asked for (since the console started or the node appeared)");

        console.robot().clickOn("#node-history-six-hours");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node.rangeProperty().get()).isEqualTo(NodeHistory.Range.SIX_HOURS);
        assertThat(console.find("#node-history-note", Label.class).getText()).contains("of the 6 h asked for");
        console.robot().clickOn("#node-history-six-hours");
        assertThat(node.rangeProperty().get()).as("one range is always chosen").isEqualTo(NodeHistory.Range.SIX_HOURS);
        console.screenshot("node-drawer-history");
    }

    /**
     * Minutes of a fleet at work on a settable clock, so the sparklines have a shape: a replica over budget,
     * one that goes down, a volume filling, pools busy and idle. Its picture is docs/images/console-overview.png.
     */
    @Test
    void minutesOfAFleetAtWorkDrawTheirSparklines() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-20T09:00:00Z"));
        var writer = Fleets.writer();
        var filling = Fleets.replica("replica-c").attachmentVersion("sec", "v3").volume(500, 330, "/mnt/lbug-data");
        var overBudget = Fleets.replica("replica-a").attachmentVersion("sec", "v3")
                .bufferPool(gib(8), Map.of("a", gib(4), "b", gib(4), "c", gib(4)), gib(3));
        replicaB = NodeServer.start(Fleets.replica("replica-b").attachmentVersion("sec", "v2"));
        List<NodeServer> nodes = List.of(NodeServer.start(writer), NodeServer.start(Fleets.master().attachmentVersion("sec", "v3")),
                NodeServer.start(overBudget), replicaB, NodeServer.start(filling));
        NodesFleetSource source = NodesFleetSource.create(nodes.stream().map(NodeServer::uri).toList(),
                new ProbeOptions(ConsoleHarness.NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null));
        console = ConsoleHarness.show(new ConsoleConfig(source, NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, null),
                Duration.ofSeconds(1), false, null), nodes, clock, null);
        // Ten minutes: a fill forecast is sure only over 10 min of readings (FillForecast.CONFIDENT_SPAN).
        for (int k = 0; k < 61; k++) {
            writer.pools(Map.of("customer_a", new int[]{1 + k % 5, 2, 10}, "customer_b", new int[]{k % 3, 3, 10},
                    "customer_c", new int[]{2 + (k * 7) % 6, 1, 10}), 0, 0);
            filling.volume(500, 330 + k, "/mnt/lbug-data")
                    .pools(Map.of("sec", new int[]{20 + (k * 13) % 60, 5, 100}), 0, 0);
            if (k == 50) {
                replicaB.stop();
            }
            console.refresh();
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(console.model().overview().rows()).extracting(OverviewRow::id)
                .containsExactly("replica-b", "replica-a", "replica-c", "master-1", "writer-1");
        assertThat(row("replica-c").volumeProperty().get().gauge().text()).isEqualTo("78 % of 500 GB · fills in ~19 min");
        assertThat(row("writer-1").connectionsProperty().get().recent().length).as("a reading per 10 s refresh shown")
                .isBetween(25, 30);
        assertThat(row("replica-b").connectionsProperty().get().recent()).as("readings, then a gap once down")
                .matches(r -> !Float.isNaN(r[0]) && Float.isNaN(r[r.length - 1]));
        assertThat(drawnRows().get(2)).as("what is drawn is the last refresh, after the rows moved")
                .contains("78 % of 500 GB · fills in ~19 min");
        console.screenshot("overview-readme");
    }

    /** Sparklines with a line drawn, in the visible rows. */
    private long drawnSparklines() {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> console.robot().lookup("#overview-table .sparkline-line")
                .queryAllAs(javafx.scene.shape.Path.class).stream()
                .filter(p -> p.getScene() != null && p.getParent().getParent().isVisible()
                        && !p.getElements().isEmpty() && p.getParent().getParent().getParent() instanceof TableCell<?, ?> c
                        && !c.isEmpty())
                .count());
    }

    private OverviewRow row(String id) {
        return console.model().overview().rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** The texts drawn in each visible row, in column order: a cell's text, or the text on its bar. */
    private List<List<String>> drawnRows() {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> console.robot().lookup("#overview-table .table-row-cell")
                .queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getItem() != null)
                .sorted(Comparator.comparingInt(TableRow::getIndex))
                .map(OverviewViewTest::drawn).toList());
    }

    private static List<String> drawn(TableRow<?> row) {
        List<String> out = new ArrayList<>();
        for (Node child : row.getChildrenUnmodifiable()) {
            if (child instanceof TableCell<?, ?> cell) {
                Node bar = cell.getGraphic() == null ? null : cell.getGraphic().lookup(".bar-text");
                out.add(bar instanceof Label label ? label.getText() : cell.getText());
            }
        }
        return out;
    }

    private TableCell<?, ?> problemCell(int rowIndex) {
        return console.robot().lookup("#overview-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == rowIndex).findFirst().orElseThrow()
                .getChildrenUnmodifiable().stream().filter(n -> n instanceof TableCell<?, ?>)
                .map(n -> (TableCell<?, ?>) n).reduce((a, b) -> b).orElseThrow();
    }
}
