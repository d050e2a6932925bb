package dev.graphfleet.console.view;

import static dev.graphfleet.console.testing.NodeDocument.gib;
import static dev.graphfleet.console.view.ViewAssertions.cell;
import static dev.graphfleet.console.view.ViewAssertions.rows;
import static dev.graphfleet.console.view.ViewAssertions.states;
import static dev.graphfleet.console.view.ViewAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.Goldens;
import dev.graphfleet.console.testing.NodeServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Buffer pools, connections, volumes and attachments, each in the state it exists to show, on
 * real loopback nodes read through the real NodesFleetSource and the console's detail reader.
 */
class DetailViewsTest {

    private ConsoleHarness console;

    private ConsoleHarness open(boolean dark, NodeServer... nodes) throws Exception {
        console = ConsoleHarness.open(List.of(nodes), List.of(), dark);
        return console;
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void memoryOverBudgetIsFlaggedRedWithTheValidatorsReason() throws Exception {
        // The original's bug: a writer's 10 GB budget copied onto an 8 GB replica.
        var replica = Fleets.replica("replica-a").bufferPool(gib(10), Map.of("sec", gib(10)), gib(6.8));
        open(false, NodeServer.start(Fleets.writer()), NodeServer.start(replica));
        console.openTab("buffer-pools");
        console.refresh();

        assertThat(console.find("#memory-summary", Label.class).getText()).isEqualTo("1 node over budget");
        assertThat(rows(console, "memory-table")).isEqualTo(2);
        assertThat(states(cell(console, "memory-table", "over budget").orElseThrow())).contains("over-budget");
        assertThat(states(cell(console, "memory-table", "fits").orElseThrow())).contains("fits");
        assertThat(texts(console, "memory-table")).contains("8.0 GiB", "10.0 GiB", "16.0 GiB",
                "6.0 GiB in 3 databases", "6.8 GiB");
        VBox reasons = console.find("#memory-reasons", VBox.class);
        assertThat(reasons.isVisible()).isTrue();
        assertThat(reasons.getChildren()).map(n -> ((Label) n).getText()).containsExactly("replica-a",
                "max_memory_mb 10240 MB + os_overhead_mb 2048 MB = 12288 MB is more than the 8192 MB of RAM on "
                        + "this host: the node would run out of memory (set tiers.node.instance.max_memory_mb to at "
                        + "most 6144 (RAM − os_overhead_mb), or choose an instance type with at least 12288 MB of RAM)");
        assertThat(console.find("#status-problems", Label.class).getText()).isEqualTo("1 node over memory budget");
        var bar = console.model().memory().rows().stream().filter(r -> r.id().equals("replica-a")).findFirst()
                .orElseThrow().barProperty().get();
        assertThat(bar.beyondRam()).as("OS 2 GiB + budget 10 GiB on 8 GiB of RAM").isEqualTo(gib(4));
        Goldens.assertMatches(console.scene(), console.screenshot("memory-over-budget"), "memory-over-budget");
    }

    @Test
    void openBufferPoolsBeyondTheBudgetAreFlaggedToo() throws Exception {
        var writer = Fleets.writer().bufferPool(gib(8), Map.of("a", gib(4), "b", gib(4), "c", gib(4)), gib(3));
        open(false, NodeServer.start(writer));
        console.openTab("buffer-pools");
        console.refresh();

        assertThat(console.find("#memory-summary", Label.class).getText()).isEqualTo("1 node over budget");
        VBox reasons = console.find("#memory-reasons", VBox.class);
        assertThat(reasons.getChildren()).map(n -> ((Label) n).getText()).contains(
                "buffer pools of 3 open databases take 12288 MB, more than the node's budget max_memory_mb 8192 MB: "
                        + "the node may run out of memory as they fill");
        console.screenshot("memory-pools-over-budget");
    }

    @Test
    void volumesShowUsageAgainstTheThresholds() throws Exception {
        open(false,
                NodeServer.start(Fleets.writer().volume(500, 250, "/mnt/lbug-data")),
                NodeServer.start(Fleets.master().volume(1000, 750, "/mnt/lbug-data")),
                NodeServer.start(Fleets.replica("replica-a").volume(500, 431, "/mnt/lbug-data")));
        console.openTab("volumes");
        console.refresh();

        assertThat(console.find("#volumes-summary", Label.class).getText())
                .isEqualTo("1 volume over the expansion threshold");
        assertThat(states(cell(console, "volumes-table", "over the 80 % expansion threshold: due to expand").orElseThrow()))
                .contains("expand");
        assertThat(states(cell(console, "volumes-table", "over the 70 % alarm threshold").orElseThrow()))
                .contains("alarm");
        assertThat(states(cell(console, "volumes-table", "below the 70 % alarm threshold").orElseThrow()))
                .contains("ok");
        assertThat(texts(console, "volumes-table")).contains("431 GB", "69.0 GB", "500 GB");
        var usage = console.model().volumes().rows().stream().filter(r -> r.id().equals("replica-a")).findFirst()
                .orElseThrow().gaugeProperty().get();
        assertThat(usage.text()).isEqualTo("86 % used");
        assertThat(usage.level()).isEqualTo("expand");
        assertThat(console.find("#status-problems", Label.class).getText()).isEqualTo("1 volume over 80 %");
        console.refreshUntilVolumeReadings(2);
        Goldens.assertMatches(console.scene(), console.screenshot("volumes-over-threshold"), "volumes-over-threshold");
    }

    @Test
    void aNodeThatStopsAnsweringKeepsItsRowAndSaysWhy() throws Exception {
        NodeServer replica = NodeServer.start(Fleets.replica("replica-a").volume(500, 431, "/mnt/lbug-data"));
        open(false, NodeServer.start(Fleets.writer()), replica);
        console.openTab("volumes");
        console.refresh();
        var row = console.model().volumes().rows().stream().filter(r -> r.id().equals("replica-a")).findFirst()
                .orElseThrow();
        replica.stop();

        console.refresh();

        assertThat(console.model().volumes().rows()).as("the same row, updated in place").contains(row).hasSize(2);
        assertThat(row.statusProperty().get()).startsWith("no figures: unreachable: /health: connection refused");
        assertThat(states(cell(console, "volumes-table", row.statusProperty().get()).orElseThrow()))
                .contains("unknown");
        assertThat(console.find("#volumes-summary", Label.class).getText()).as("not 'all fine' over a silent node")
                .isEqualTo("No volume over the expansion threshold on 1 of 2 nodes · no figures from replica-a: "
                        + "unreachable: /health: connection refused (nothing listens on that port: is the node running?)");
        console.screenshot("volumes-node-unreachable");
        assertThat(console.find("#volume-selected", Label.class).getText()).as("the detail says why, too")
                .startsWith("replica-a · no figures: unreachable: /health: connection refused");
    }

    @Test
    void attachmentsShowPhaseProgressAttemptAndTheFailure() throws Exception {
        var replica = Fleets.replica("replica-b")
                .attachment("industry", "downloading", 1_073_741_824L, 2_147_483_648L, 1, null)
                .attachment("economic", "failed", 0, 536_870_912L, 3,
                        "sha256 mismatch for economic@v7 (expected 9f2c…, got 41aa…)");
        open(false, NodeServer.start(Fleets.master()), NodeServer.start(replica));
        console.openTab("attachments");
        console.refresh();

        assertThat(console.find("#attachments-summary", Label.class).getText()).isEqualTo("1 attachment failed");
        assertThat(rows(console, "attachments-table")).isEqualTo(4);
        assertThat(states(cell(console, "attachments-table", "failed").orElseThrow())).contains("failed");
        assertThat(states(cell(console, "attachments-table", "downloading").orElseThrow()))
                .contains("downloading");
        assertThat(texts(console, "attachments-table")).contains("attempt 3",
                "sha256 mismatch for economic@v7 (expected 9f2c…, got 41aa…)");
        var progress = console.model().attachments().rows().stream()
                .filter(r -> r.repositoryProperty().get().equals("industry")).findFirst().orElseThrow();
        assertThat(progress.gaugeProperty().get().text()).isEqualTo("1.0 GiB of 2.0 GiB (50 %)");
        assertThat(console.find("#status-problems", Label.class).getText()).isEqualTo("1 attachment failed");
        Goldens.assertMatches(console.scene(), console.screenshot("attachments-failure"), "attachments-failure");
    }

    @Test
    void connectionsShowEachDatabasesPoolAndAnExhaustedOne() throws Exception {
        Map<String, int[]> pools = new LinkedHashMap<>();
        pools.put("customer_a", new int[]{3, 0, 3});
        pools.put("customer_b", new int[]{1, 2, 10});
        open(false, NodeServer.start(Fleets.writer().pools(pools, 17, 2)), NodeServer.start(Fleets.master()));
        console.openTab("connections");
        console.refresh();

        assertThat(rows(console, "connections-table")).isEqualTo(3);
        var rowsByDb = console.model().connections().rows();
        assertThat(rowsByDb).anySatisfy(r -> {
            assertThat(r.databaseProperty().get()).isEqualTo("customer_a");
            assertThat(r.levelProperty().get()).isEqualTo("exhausted");
            assertThat(r.gaugeProperty().get().text()).isEqualTo("3 of 3 in use (100 %)");
        });
        assertThat(rowsByDb).anySatisfy(r -> {
            assertThat(r.databaseProperty().get()).isEqualTo("customer_b");
            assertThat(r.levelProperty().get()).as("the node's timeouts are not this database's").isEqualTo("ok");
        });
        assertThat(texts(console, "connections-table")).contains("17 waits", "2 timeouts", "12", "30", "100");
        assertThat(states(cell(console, "connections-table", "2 timeouts").orElseThrow()))
                .contains("exhausted");
        assertThat(console.find("#status-problems", Label.class).getText()).isEqualTo("1 node with pool timeouts");
        Goldens.assertMatches(console.scene(), console.screenshot("connections-exhausted"), "connections-exhausted");
    }

    @Test
    void theDarkThemeReadsTheSameFigures() throws Exception {
        var replica = Fleets.replica("replica-a").bufferPool(gib(10), Map.of("sec", gib(10)), gib(6.8));
        open(true, NodeServer.start(Fleets.writer()), NodeServer.start(Fleets.master()), NodeServer.start(replica));
        console.openTab("buffer-pools");
        console.refresh();

        assertThat(console.scene().getRoot().getStyleClass()).contains("theme-dark");
        assertThat(console.find("#memory-summary", Label.class).getText()).isEqualTo("1 node over budget");
        Goldens.assertMatches(console.scene(), console.screenshot("memory-dark"), "memory-dark");
    }
}
