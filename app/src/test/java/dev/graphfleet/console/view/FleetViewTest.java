package dev.graphfleet.console.view;

import static dev.graphfleet.console.view.ViewAssertions.cell;
import static dev.graphfleet.console.view.ViewAssertions.cells;
import static dev.graphfleet.console.view.ViewAssertions.rows;
import static dev.graphfleet.console.view.ViewAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fleet view on four real loopback nodes read through the real NodesFleetSource. */
class FleetViewTest {

    private NodeServer writer;
    private NodeServer master;
    private NodeServer replicaA;
    private NodeServer replicaB;
    private ConsoleHarness console;

    @BeforeEach
    void fleet() throws Exception {
        writer = NodeServer.start(Fleets.writer());
        master = NodeServer.start(Fleets.master());
        replicaA = NodeServer.start(Fleets.replica("replica-a"));
        replicaB = NodeServer.start(Fleets.replica("replica-b"));
        console = ConsoleHarness.open(List.of(writer, master, replicaA, replicaB), List.of(), false);
        console.openTab("fleet"); // the console opens on the Overview
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void aHealthyFleetShowsEveryInstanceHealthy() throws Exception {
        console.refresh();

        assertThat(console.find("#fleet-summary", Label.class).getText())
                .isEqualTo("1 writer · 1 shared master · 2 shared replicas  —  4 of 4 healthy");
        assertThat(rows(console, "instance-table")).isEqualTo(4);
        List<TableCell<?, ?>> health = cells(console, "instance-table").stream()
                .filter(c -> c.getStyleClass().contains("health")).toList();
        assertThat(health).hasSize(4).allSatisfy(c -> {
            assertThat(c.getText()).isEqualTo("healthy");
            assertThat(states(c)).contains("healthy");
        });
        assertThat(cell(console, "instance-table", "shared replica")).isPresent();
        assertThat(cell(console, "instance-table", "3 h 25 min")).isPresent();
        assertThat(console.find("#status-bar", StatusBar.class).getText()).startsWith("Refreshed ").contains(" in ");
        assertThat(console.find("#status-problems", Label.class).getText()).isEqualTo("No problems");
        assertThat(console.find("#source-banner", HBox.class).isVisible()).isFalse();
        assertThat(console.find("#source-name", Label.class).getText()).isEqualTo("Source: nodes(4)");
        console.screenshot("fleet-healthy");
    }

    @Test
    void aReplicaThatStopsAnsweringTurnsUnreachableAndIsCounted() throws Exception {
        console.refresh();
        replicaB.stop();

        console.refresh();

        assertThat(console.find("#fleet-summary", Label.class).getText())
                .endsWith("3 of 4 healthy, 1 unreachable");
        TableCell<?, ?> down = cell(console, "instance-table", "unreachable").orElseThrow();
        assertThat(states(down)).contains("unreachable");
        // The node can no longer say who it is; the console remembers who answered at its address.
        var rowOfDown = console.model().fleet().instances().stream()
                .filter(r -> r.healthProperty().get().equals("unreachable")).toList();
        assertThat(rowOfDown).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("replica-b");
            assertThat(r.roleProperty().get()).isEqualTo("shared replica");
            assertThat(r.healthDetailProperty().get()).contains("connection refused");
        });
        assertThat(console.find("#fleet-summary", Label.class).getText()).startsWith("1 writer · 1 shared master · 2 shared replicas");
        Label problems = console.find("#status-problems", Label.class);
        assertThat(problems.getText()).isEqualTo("1 instance unreachable");
        assertThat(states(problems)).contains("has-problems");
        assertThat(console.find("#source-banner", HBox.class).isVisible())
                .as("one node down is not an unreachable source").isFalse();
        console.screenshot("fleet-replica-down");
    }

    @Test
    void theFilterNarrowsTheTableAsYouType() throws Exception {
        console.refresh();

        console.robot().clickOn("#fleet-filter").write("replica");

        assertThat(rows(console, "instance-table")).isEqualTo(2);
        console.robot().eraseText("replica".length()).write("writer");
        assertThat(rows(console, "instance-table")).isEqualTo(1);
        assertThat(cell(console, "instance-table", "writer-1")).isPresent();
        console.screenshot("fleet-filtered");
    }

    @Test
    void aPausedViewKeepsItsPictureAndCatchesUpOnResume() throws Exception {
        console.refresh();
        console.robot().clickOn("#fleet-pause");
        replicaA.stop();

        console.refresh();

        assertThat(console.find("#fleet-summary", Label.class).getText()).endsWith("4 of 4 healthy");
        assertThat(cell(console, "instance-table", "unreachable")).isEmpty();
        assertThat(console.find("#status-problems", Label.class).getText())
                .as("the status bar keeps following").isEqualTo("1 instance unreachable");
        console.screenshot("fleet-paused");

        console.robot().clickOn("#fleet-pause");

        assertThat(console.find("#fleet-summary", Label.class).getText()).endsWith("3 of 4 healthy, 1 unreachable");
    }

    @Test
    void anUnreachableSourceShowsABannerWithTheBackoffAndRecovers() throws Exception {
        console.refresh();
        List.of(writer, master, replicaA, replicaB).forEach(NodeServer::stop);

        console.refresh();
        console.refresh();

        HBox banner = console.find("#source-banner", HBox.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(console.find("#source-banner-text", Label.class).getText())
                .isEqualTo("Cannot read nodes(4): none of the 4 nodes answered. 2 failed reads in a row; "
                        + "retrying in 4 s (the wait doubles after each failure).");
        assertThat(states(console.find("#views", TabPane.class))).contains("stale");
        assertThat(cells(console, "instance-table").stream().filter(c -> "unreachable".equals(c.getText())))
                .as("the table shows the instances as unreachable, not their last good state").hasSize(4);
        console.screenshot("fleet-source-unreachable");

        List.of(writer, master, replicaA, replicaB).forEach(NodeServer::resume);
        console.refresh();

        assertThat(banner.isVisible()).isFalse();
        assertThat(states(console.find("#views", TabPane.class))).doesNotContain("stale");
        assertThat(console.find("#fleet-summary", Label.class).getText()).endsWith("4 of 4 healthy");
    }

    @Test
    void theDarkThemeSwapsThePalette() throws Exception {
        console.refresh();

        console.robot().clickOn("#dark-theme");

        var root = console.scene().getRoot();
        assertThat(root.getStyleClass()).contains("theme-dark").doesNotContain("theme-light");
        assertThat(root.getStylesheets()).anyMatch(s -> s.endsWith("/dark.css")).noneMatch(s -> s.endsWith("/light.css"));
        var png = console.screenshot("fleet-dark");
        // The window background, just above the status bar, is the dark palette's -gf-bg (#14181f).
        int rgb = png.getRGB(png.getWidth() - 5, png.getHeight() - 40);
        assertThat(luminance(rgb)).as("background luminance").isLessThan(60);
    }

    private static int luminance(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return (r * 299 + g * 587 + b * 114) / 1000;
    }
}
