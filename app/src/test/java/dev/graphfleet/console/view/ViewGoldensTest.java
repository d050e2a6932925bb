package dev.graphfleet.console.view;

import static dev.graphfleet.console.testing.NodeDocument.gib;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.Goldens;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A golden of every view, light and dark, and of a resized window, on one fleet that shows something in
 * each: a replica over its memory budget, a volume past the expansion threshold, a busy pool, an
 * attachment downloading, two repositories on the master (the Version column shows both).
 */
class ViewGoldensTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    private ConsoleHarness console;

    @BeforeEach
    void open() throws Exception {
        var writer = Fleets.writer().volume(500, 420, "/mnt/lbug-data")
                .pools(Map.of("customer_a", new int[]{9, 1, 10}), 3, 0);
        var master = Fleets.master().attachmentVersion("sec", "v3").attachment("industry", "attached",
                1_000_000_000L, 1_000_000_000L, 1, null).attachmentVersion("industry", "v2");
        var replicaA = Fleets.replica("replica-a").attachmentVersion("sec", "v3")
                .bufferPool(gib(10), Map.of("sec", gib(10)), gib(6.8));
        var replicaB = Fleets.replica("replica-b").attachment("industry", "downloading", 400_000_000L,
                1_000_000_000L, 2, null).attachmentVersion("sec", "v3");
        List<NodeServer> nodes = List.of(NodeServer.start(writer), NodeServer.start(master), NodeServer.start(replicaA),
                NodeServer.start(replicaB));
        NodesFleetSource source = NodesFleetSource.create(nodes.stream().map(NodeServer::uri).toList(),
                new ProbeOptions(ConsoleHarness.NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null));
        ConsoleConfig config = new ConsoleConfig(source, NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, null),
                Duration.ofSeconds(1), false, null);
        console = ConsoleHarness.show(config, nodes, CLOCK, null);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyView(boolean dark) throws Exception {
        if (dark) {
            console.robot().clickOn("#dark-theme");
        }
        String theme = dark ? "-dark" : "-light";
        for (String view : List.of("overview", "fleet", "buffer-pools", "connections", "volumes", "attachments")) {
            if (!view.equals("overview")) {
                console.openTab(view);
            }
            console.refresh();
            if (view.equals("volumes")) {
                console.refreshUntilVolumeReadings(2);
            }
            Goldens.assertMatches(console.scene(), console.screenshot("golden-" + view + theme),
                    "view-" + view + theme);
        }
    }

    @Test
    void aResizedWindowWithARowSelected() throws Exception {
        console.openTab("fleet");
        console.refresh();
        WaitForAsyncUtils.asyncFx(() -> {
            console.find("#instance-table", javafx.scene.control.TableView.class).getSelectionModel().select(2);
            Window window = console.scene().getWindow();
            window.setX(0);
            window.setY(0);
            window.setWidth(1024);
            window.setHeight(700);
        }).get(10, TimeUnit.SECONDS);
        console.refresh();
        Goldens.assertMatches(console.scene(), console.screenshot("golden-fleet-1024x700"), "view-fleet-1024x700");
    }
}
