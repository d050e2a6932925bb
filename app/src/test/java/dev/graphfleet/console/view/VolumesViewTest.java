package dev.graphfleet.console.view;

import static dev.graphfleet.console.view.ViewAssertions.cell;
import static dev.graphfleet.console.view.ViewAssertions.states;
import static dev.graphfleet.console.view.ViewAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.service.VolumeWatch;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.Goldens;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.console.viewmodel.VolumeRow;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.volume.aws.CloudWatchAgentDiskMetrics;
import dev.graphfleet.volume.local.InMemoryVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.volume.monitor.CloudWatchDiskMetrics;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The Volumes view in its three states, on real loopback nodes read through the real NodesFleetSource:
 * a growing volume with its fill forecast, a node that stopped answering read from CloudWatch (the real
 * CloudWatch agent reader against a loopback endpoint speaking CloudWatch's protocol), and a volume
 * expanding through the simulated EBS states the local fleet uses. Refreshes are stamped by a settable
 * clock, so the history and the forecast do not depend on how fast the test runs.
 */
class VolumesViewTest {

    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final SettableClock clock = new SettableClock(START);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private ConsoleHarness open(VolumeActions provider, CloudWatchDiskMetrics cloudWatch, NodeServer... nodes)
            throws Exception {
        return open(false, provider, cloudWatch, nodes);
    }

    private ConsoleHarness open(boolean dark, VolumeActions provider, CloudWatchDiskMetrics cloudWatch,
                                NodeServer... nodes) throws Exception {
        NodesFleetSource source = NodesFleetSource.create(List.of(nodes).stream().map(NodeServer::uri).toList(),
                new ProbeOptions(ConsoleHarness.NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null));
        ConsoleConfig config = new ConsoleConfig(source, NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, null),
                Duration.ofSeconds(1), dark, null).withVolumes(new VolumeWatch(provider, cloudWatch));
        console = ConsoleHarness.show(config, List.of(nodes), clock, null);
        console.openTab("volumes");
        console.refresh();
        return console;
    }

    private VolumeRow row(String id) {
        return console.model().volumes().rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private void select(String id) throws Exception {
        console.robot().clickOn(cell(console, "volumes-table", id).orElseThrow());
        console.refresh();
    }

    @Test
    void aGrowingVolumeShowsItsHistoryAndWhenItFills() throws Exception {
        var writer = Fleets.writer().volume(500, 300, "/mnt/lbug-data");
        open(VolumeActions.none(), CloudWatchDiskMetrics.unavailable("test"), NodeServer.start(writer),
                NodeServer.start(Fleets.master().volume(1000, 400, "/mnt/lbug-data")));
        assertThat(row("writer-1").forecastProperty().get()).isEqualTo("collecting history (1 of 3)");
        for (int used = 320; used <= 360; used += 20) { // +20 GB an hour
            clock.advance(Duration.ofHours(1));
            writer.volume(500, used, "/mnt/lbug-data");
            console.refresh();
        }

        VolumeRow w = row("writer-1");
        assertThat(w.forecastProperty().get()).as("140 GB left at 20 GB/h").isEqualTo("fills in ~7 h (+20.0 GB/h; 4 readings over 3 h 00 min)");
        assertThat(w.forecastLevelProperty().get()).isEqualTo("soon");
        assertThat(row("master-1").forecastProperty().get()).as("the master stays put").isEqualTo("not growing");
        assertThat(w.sourceProperty().get()).isEqualTo("node");
        assertThat(states(cell(console, "volumes-table", "fills in ~7 h (+20.0 GB/h; 4 readings over 3 h 00 min)").orElseThrow()))
                .contains("soon");
        assertThat(console.find("#volume-selected", Label.class).getText())
                .as("the fullest volume is shown first").startsWith("writer-1 · /mnt/lbug-data · 360 GB of 500 GB");
        assertThat(console.find("#volume-forecast", Label.class).getText())
                .isEqualTo("Forecast: fills in ~7 h (+20.0 GB/h; 4 readings over 3 h 00 min)");
        HistoryChart chart = console.find("#volume-history-chart", HistoryChart.class);
        assertThat(chart.points()).extracting(p -> p.usedGb()).containsExactly(300.0, 320.0, 340.0, 360.0);
        assertThat(console.find("#volumes-fallbacks", Label.class).getText()).isEqualTo("metrics from the nodes");
        assertThat(console.find("#volumes-simulated", Label.class).isVisible()).isFalse();
        Goldens.assertMatches(console.scene(), console.screenshot("volumes-growing"), "volumes-growing");

        select("master-1");
        assertThat(console.find("#volume-selected", Label.class).getText()).startsWith("master-1");
        assertThat(console.find("#volume-forecast", Label.class).getText()).isEqualTo("Forecast: not growing");
    }

    @Test
    void aNodeThatStopsAnsweringIsReadFromCloudWatchAndTheFallbacksAreCounted() throws Exception {
        FakeCloudWatch cloudWatchEndpoint = new FakeCloudWatch();
        closing.add(cloudWatchEndpoint);
        CloudWatchClient client = CloudWatchClient.builder().endpointOverride(cloudWatchEndpoint.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .build();
        closing.add(client);
        var replica = NodeServer.start(Fleets.replica("replica-a").volume(500, 365, "/data"));
        open(VolumeActions.none(), new CloudWatchAgentDiskMetrics(client, clock,
                CloudWatchAgentDiskMetrics.Options.defaults()), NodeServer.start(Fleets.writer()), replica);
        assertThat(row("replica-a").sourceProperty().get()).isEqualTo("node");

        replica.stop();
        Map<String, String> dims = Map.of("InstanceId", "replica-a", "path", "/data", "device", "nvme1n1",
                "fstype", "xfs");
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(1));
            cloudWatchEndpoint.put("CWAgent", "disk_used_percent", dims, clock.instant().minusSeconds(30), 73.0);
            cloudWatchEndpoint.put("CWAgent", "disk_total", dims, clock.instant().minusSeconds(30), 500 * GIB);
            console.refresh();
        }
        WaitForAsyncUtils.asyncFx(() -> console.model().volumes().selectedIdProperty().set("replica-a")).get();
        WaitForAsyncUtils.waitForFxEvents();

        VolumeRow r = row("replica-a");
        assertThat(r.sourceProperty().get()).isEqualTo("CloudWatch (fallback, 2×)");
        assertThat(r.usedProperty().get()).isEqualTo("365 GB");
        assertThat(r.forecastProperty().get()).as("the same 365 GB from both sources").isEqualTo("not growing");
        assertThat(r.levelProperty().get()).as("73 % is over the 70 % alarm threshold").isEqualTo("alarm");
        assertThat(states(cell(console, "volumes-table", "CloudWatch (fallback, 2×)").orElseThrow()))
                .contains("fallback");
        assertThat(console.find("#volumes-fallbacks", Label.class).getText()).isEqualTo("2 CloudWatch fallbacks so far");
        assertThat(states(console.find("#volumes-fallbacks", Label.class))).contains("has-fallbacks");
        assertThat(console.find("#volume-source", Label.class).getText())
                .startsWith("Measured by: CloudWatch (fallback, 2×) — the node did not answer (");
        assertThat(cloudWatchEndpoint.operations()).contains("ListMetrics", "GetMetricData");
        // the notifications of the node going away are not this golden's subject (KeyboardAndFilterTest's)
        WaitForAsyncUtils.asyncFx(() -> console.assembly().operator().notifications().clear()).get();
        WaitForAsyncUtils.waitForFxEvents();
        Goldens.assertMatches(console.scene(), console.screenshot("volumes-fallback"), "volumes-fallback");
    }

    @Test
    void anExpandingVolumeShowsItsModificationStateAndHistory() throws Exception {
        SimulatedVolumes volumes = new SimulatedVolumes(new InMemoryVolumeStore(), clock,
                new SimulatedTimings(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(6)));
        volumes.attach("writer-1", "vol-writer", 500);
        volumes.attach("master-1", "vol-master", 1000);
        var writer = Fleets.writer().volume(500, 420, "/mnt/lbug-data").simulatedVolume();
        open(volumes, CloudWatchDiskMetrics.unavailable("the local fleet has no AWS source"),
                NodeServer.start(writer), NodeServer.start(Fleets.master().simulatedVolume()));
        assertThat(row("writer-1").levelProperty().get()).isEqualTo("expand");

        // what the volume monitor does to a volume over 80 %: x1.5, at least +50 GB
        volumes.modify("vol-writer", 750);
        clock.advance(Duration.ofSeconds(30));
        console.refresh();

        VolumeRow w = row("writer-1");
        assertThat(w.modificationProperty().get()).isEqualTo("modifying → 750 GB");
        assertThat(states(cell(console, "volumes-table", "modifying → 750 GB").orElseThrow()))
                .contains("modifying");
        assertThat(console.find("#volume-modification", Label.class).getText())
                .isEqualTo("Volume vol-writer, 750 GB · modification: modifying → 750 GB");
        assertThat(expansions()).containsExactly("2026-11-20 09:00 UTC   500 → 750 GB   modifying");
        assertThat(console.find("#volumes-simulated", Label.class).isVisible()).isTrue();
        assertThat(console.find("#volumes-summary", Label.class).getText())
                .isEqualTo("1 volume over the expansion threshold");
        console.refreshUntilVolumeReadings(2);
        Goldens.assertMatches(console.scene(), console.screenshot("volumes-expanding"), "volumes-expanding");

        clock.advance(Duration.ofMinutes(2)); // optimizing: the new size is usable, the filesystem is grown
        volumes.growFilesystem(new WatchedInstance("writer-1", "writer", null, "/mnt/lbug-data"));
        writer.volume(750, 420, "/mnt/lbug-data");
        console.refresh();
        assertThat(row("writer-1").modificationProperty().get()).isEqualTo("optimizing → 750 GB");
        assertThat(row("writer-1").levelProperty().get()).as("420 of 750 GB").isEqualTo("ok");

        clock.advance(Duration.ofMinutes(15));
        console.refresh();
        assertThat(row("writer-1").modificationProperty().get()).isEqualTo("completed → 750 GB");
        assertThat(expansions()).containsExactly("2026-11-20 09:00 UTC   500 → 750 GB   completed");
        assertThat(texts(console, "volumes-table")).contains("750 GB", "completed → 750 GB");
        console.screenshot("volumes-expanded");
    }

    @Test
    void theDarkThemeDrawsTheHistoryInItsPalette() throws Exception {
        var writer = Fleets.writer().volume(500, 300, "/mnt/lbug-data");
        open(true, VolumeActions.none(), CloudWatchDiskMetrics.unavailable("test"), NodeServer.start(writer));
        for (int used = 330; used <= 390; used += 30) {
            clock.advance(Duration.ofHours(2));
            writer.volume(500, used, "/mnt/lbug-data");
            console.refresh();
        }
        assertThat(console.scene().getRoot().getStyleClass()).contains("theme-dark");
        assertThat(row("writer-1").forecastProperty().get()).isEqualTo("fills in ~7 h (+15.0 GB/h; 4 readings over 6 h 00 min)");
        assertThat(console.find("#volume-history-chart", HistoryChart.class).points()).hasSize(4);
        console.screenshot("volumes-dark");
    }

    private List<String> expansions() {
        @SuppressWarnings("unchecked")
        ListView<String> list = console.find("#volume-expansions", ListView.class);
        return List.copyOf(list.getItems());
    }
}
