package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.NOW;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.VolumeFacts;
import dev.graphfleet.console.testing.FleetStates;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Volumes view as an operator reads it: each volume against the thresholds, who measured it, its
 * modification and forecast, the headline, and the detail pane of the selected volume.
 */
class VolumesViewModelTest {

    private final VolumesViewModel model = new VolumesViewModel();

    private VolumeRow row(String id) {
        return model.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static FleetInstance used(String id, double usedGb) {
        return node(id, NodeType.SHARED_REPLICA).volume(500, usedGb).build();
    }

    private static VolumeFacts cloudWatch(double usedGb, long fallbacks) {
        return new VolumeFacts(MetricsSource.CLOUDWATCH, new DiskReading(500, usedGb, usedGb / 500, "/data",
                MetricsSource.CLOUDWATCH), "connect timed out", fallbacks, "vol-0abc", 500, null, List.of(), null);
    }

    @Test
    void eachVolumeAgainstTheThresholdsInNodeOrder() {
        model.apply(state(used("d", 450), used("a", 210), used("c", 400), used("b", 375),
                node("e", NodeType.WRITER).volume(500, 100).stale("system").build()));

        assertThat(model.rows()).extracting(VolumeRow::id).containsExactly("a", "b", "c", "d", "e");
        assertThat(model.rows()).extracting(r -> r.levelProperty().get())
                .containsExactly("ok", "alarm", "alarm", "expand", "ok");
        assertThat(model.rows()).extracting(r -> r.statusProperty().get()).containsExactly(
                "below the 70 % alarm threshold",
                "over the 70 % alarm threshold",
                "over the 70 % alarm threshold",
                "over the 80 % expansion threshold: due to expand",
                "below the 70 % alarm threshold (figures stale)");
        VolumeRow a = row("a");
        assertThat(List.of(a.mountPointProperty().get(), a.sizeProperty().get(), a.usedProperty().get(),
                a.freeProperty().get(), a.usageTextProperty().get()))
                .containsExactly("/mnt/lbug-data", "500 GB", "210 GB", "290 GB", "42 % used");
        assertThat(a.usageProperty().get()).isEqualTo(0.42);
        assertThat(a.gaugeProperty().get()).isEqualTo(new Gauge(0.42, "ok", "42 % used"));
        assertThat(a.sourceProperty().get()).isEqualTo("node");
        assertThat(a.sourceLevelProperty().get()).isEqualTo("ok");
        assertThat(a.modificationProperty().get()).isEqualTo("—");
        assertThat(a.forecastProperty().get()).isEqualTo("collecting history (1 of 3)");
        assertThat(a.forecastLevelProperty().get()).as("not confident yet").isEqualTo("unsure");
        assertThat(model.overThresholdProperty().get()).isEqualTo(1);
        assertThat(model.summaryProperty().get()).isEqualTo("1 volume over the expansion threshold");
        assertThat(model.simulatedProperty().get()).isFalse();
    }

    @Test
    void theThresholdsCanBeMovedAndTheLevelsFollow() {
        model.alarmThresholdProperty().set(0.4);
        model.expansionThresholdProperty().set(0.5);

        model.apply(state(used("a", 210), used("b", 260), used("c", 200)));

        assertThat(model.rows()).extracting(r -> r.levelProperty().get()).containsExactly("alarm", "expand", "ok");
        assertThat(row("a").statusProperty().get()).isEqualTo("over the 40 % alarm threshold");
        assertThat(row("b").statusProperty().get()).isEqualTo("over the 50 % expansion threshold: due to expand");
        assertThat(model.summaryProperty().get()).isEqualTo("1 volume over the expansion threshold");

        model.apply(state(used("a", 260), used("b", 260), used("c", 250)));
        assertThat(model.overThresholdProperty().get()).as("exactly 50 % is not over it").isEqualTo(2);
        assertThat(model.summaryProperty().get()).isEqualTo("2 volumes over the expansion threshold");
    }

    @Test
    void aVolumeWithoutFiguresSaysWhyAndTheHeadlineNamesIt() {
        model.apply(state(used("a", 210), used("b", 210),
                node("c", NodeType.SHARED_REPLICA).down("connection refused").build()));

        VolumeRow c = row("c");
        assertThat(c.levelProperty().get()).isEqualTo("unknown");
        assertThat(c.statusProperty().get()).isEqualTo("no figures: unreachable: connection refused");
        assertThat(List.of(c.mountPointProperty().get(), c.sizeProperty().get(), c.usageTextProperty().get()))
                .containsOnly("—");
        assertThat(c.gaugeProperty().get()).isNull();
        assertThat(c.sourceProperty().get()).isEqualTo("—");
        assertThat(c.sourceLevelProperty().get()).isEqualTo("unknown");
        assertThat(c.forecastProperty().get()).isEqualTo("—");
        assertThat(model.summaryProperty().get()).isEqualTo(
                "No volume over the expansion threshold on 2 of 3 nodes · no figures from c: unreachable: connection refused");

        model.apply(state(used("a", 210), node("b", NodeType.WRITER).noVolume().build()));
        assertThat(row("b").statusProperty().get()).isEqualTo("no figures: the node sent no data volume figures");

        model.apply(state(used("a", 210)));
        assertThat(model.summaryProperty().get()).isEqualTo("No volume over the expansion threshold");
        assertThat(model.rows()).extracting(VolumeRow::id).containsExactly("a");
    }

    @Test
    void whenTheNodeIsSilentCloudWatchMeasuresAndSaysHowOften() {
        ConsoleState s = FleetStates.refresh(FleetStates.fleet(
                        node("a", NodeType.WRITER).down("connect timed out").build(),
                        node("b", NodeType.WRITER).down("connect timed out").build(),
                        used("c", 100)))
                .volume("a", cloudWatch(420, 3))
                .volume("b", new VolumeFacts(MetricsSource.NONE, null, "no CloudWatch datapoints", 2, null, 0, null,
                        List.of(), "no volume provider"))
                .build();

        model.apply(s);

        VolumeRow a = row("a");
        assertThat(a.sourceProperty().get()).isEqualTo("CloudWatch (fallback, 3×)");
        assertThat(a.sourceLevelProperty().get()).isEqualTo("fallback");
        assertThat(a.usedProperty().get()).isEqualTo("420 GB");
        assertThat(a.freeProperty().get()).isEqualTo("80.0 GB");
        assertThat(a.mountPointProperty().get()).isEqualTo("/data");
        assertThat(a.levelProperty().get()).isEqualTo("expand");
        VolumeRow b = row("b");
        assertThat(b.sourceProperty().get()).isEqualTo("none");
        assertThat(b.sourceLevelProperty().get()).isEqualTo("unknown");
        assertThat(b.statusProperty().get()).isEqualTo("no figures: no figures from the node or CloudWatch");
        assertThat(model.fallbacksProperty().get()).isEqualTo(5);
        assertThat(model.summaryProperty().get()).isEqualTo("1 volume over the expansion threshold · no figures from b: "
                + "no figures from the node or CloudWatch");
        assertThat(model.selectedIdProperty().get()).as("the fullest is shown first").isEqualTo("a");
        assertThat(model.selectedTitleProperty().get()).isEqualTo("a · /data · 420 GB of 500 GB");
        assertThat(model.selectedSourceProperty().get())
                .isEqualTo("Measured by: CloudWatch (fallback, 3×) — the node did not answer (connect timed out)");
        assertThat(model.selectedModificationProperty().get()).isEqualTo("Volume vol-0abc, 500 GB · modification: none");

        model.selectedIdProperty().set("b");
        assertThat(model.selectedTitleProperty().get()).isEqualTo("b · no figures: no figures from the node or CloudWatch");
        assertThat(model.selectedModificationProperty().get())
                .isEqualTo("Modification: no volume provider for this source (no volume provider)");
        assertThat(model.selectedHistoryProperty().get()).isEmpty();

        model.selectedIdProperty().set("c");
        assertThat(model.selectedModificationProperty().get()).isEqualTo("Modification: not read from this source");
        assertThat(model.selectedSourceProperty().get()).isEqualTo("Measured by: node");
        assertThat(model.selectedHistoryProperty().get()).hasSize(1);
    }

    @Test
    void aModificationAndTheExpansionsSeenAreShownForTheSelectedVolume() {
        VolumeFacts facts = new VolumeFacts(MetricsSource.NODE, null, null, 0, "vol-0abc", 500,
                VolumeModification.of(ModificationState.OPTIMIZING, NOW, 750), List.of(
                        new VolumeFacts.Expansion(Instant.parse("2026-11-20T08:05:00Z"), 0, 500,
                                ModificationState.COMPLETED),
                        new VolumeFacts.Expansion(Instant.parse("2026-11-21T11:30:00Z"), 500, 750,
                                ModificationState.OPTIMIZING)), null);
        VolumeFacts noProvider = new VolumeFacts(MetricsSource.NODE, null, null, 0, null, 0, null, List.of(), null);
        model.apply(FleetStates.refresh(FleetStates.fleet(used("a", 420), used("b", 100)))
                .volume("a", facts).volume("b", noProvider).build());

        assertThat(row("a").modificationProperty().get()).isEqualTo("optimizing → 750 GB");
        assertThat(row("a").modificationLevelProperty().get()).isEqualTo("optimizing");
        assertThat(row("b").modificationLevelProperty().get()).isEqualTo("none");
        assertThat(model.selectedIdProperty().get()).isEqualTo("a");
        assertThat(model.selectedModificationProperty().get())
                .isEqualTo("Volume vol-0abc, 500 GB · modification: optimizing → 750 GB");
        assertThat(model.selectedExpansions()).containsExactly(
                "2026-11-20 08:05 UTC   → 500 GB   completed",
                "2026-11-21 11:30 UTC   500 → 750 GB   optimizing");
        assertThat(model.selectedForecastProperty().get()).isEqualTo("Forecast: collecting history (1 of 3)");

        model.selectedIdProperty().set("b");
        assertThat(model.selectedModificationProperty().get()).isEqualTo("Modification: no volume provider for this source");
        assertThat(model.selectedExpansions()).isEmpty();
        assertThat(model.selectedTitleProperty().get()).isEqualTo("b · /mnt/lbug-data · 100 GB of 500 GB");
    }

    @Test
    void aSelectedVolumeThatLeavesFallsBackToTheFullestAndNoneLeftClearsThePane() {
        model.apply(state(used("a", 100), used("b", 300)));
        model.selectedIdProperty().set("a");
        model.apply(state(used("a", 100), used("b", 300)));
        assertThat(model.selectedIdProperty().get()).as("a choice is kept while the volume is there").isEqualTo("a");

        model.apply(state(used("b", 300), used("c", 200)));
        assertThat(model.selectedIdProperty().get()).isEqualTo("b");

        model.apply(state(node("x", NodeType.WRITER).down(null).build(), node("y", NodeType.WRITER).down(null).build()));
        assertThat(model.selectedIdProperty().get()).as("no figures anywhere: the first").isEqualTo("x");
        assertThat(model.summaryProperty().get()).isEqualTo("No figures from 2 nodes, every node: unreachable");

        model.apply(state());
        assertThat(model.selectedIdProperty().get()).isNull();
        assertThat(model.selectedTitleProperty().get()).isEmpty();
        assertThat(model.selectedExpansions()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("No figures: the source lists no nodes");
    }

    @Test
    void theForecastColoursAFullVolumeAGrowingOneAndAQuietOne() {
        for (int minute = 0; minute <= 20; minute += 5) {
            model.apply(FleetStates.refresh(FleetStates.fleet(
                            node("fast", NodeType.WRITER).volume(1000, 600 + 2 * minute).build(),
                            node("full", NodeType.WRITER).volume(500, 500).build(),
                            node("quiet", NodeType.WRITER).volume(1000, 600).build(),
                            node("slow", NodeType.WRITER).volume(1000, 100 + 0.1 * minute).build()))
                    .at(NOW.plus(Duration.ofMinutes(minute))).build());
        }

        assertThat(row("fast").forecastProperty().get()).isEqualTo("fills in ~3 h (+120 GB/h; 5 readings over 20 min)");
        assertThat(row("fast").forecastLevelProperty().get()).isEqualTo("soon");
        assertThat(row("full").forecastProperty().get()).isEqualTo("full");
        assertThat(row("full").forecastLevelProperty().get()).isEqualTo("full");
        assertThat(row("full").freeProperty().get()).isEqualTo("0.0 GB");
        assertThat(row("quiet").forecastProperty().get()).isEqualTo("not growing");
        assertThat(row("quiet").forecastLevelProperty().get()).isEqualTo("ok");
        assertThat(row("slow").forecastLevelProperty().get()).as("fills, but not within a day").isEqualTo("ok");
        assertThat(model.history().points("fast")).hasSize(5);
        assertThat(model.selectedIdProperty().get()).isEqualTo("full");
        assertThat(model.selectedHistoryProperty().get()).hasSize(5);
    }

    @Test
    void theHistoryForgetsVolumesThatLeftOnlyWhenTheSourceWasRead() {
        model.apply(state(used("a", 100), used("b", 100)));
        FleetSnapshot unread = new FleetSnapshot("prod", NOW.plusSeconds(10), "aws(prod)", false, "timeout", List.of(),
                List.of(used("a", 100)), List.of());
        model.apply(FleetStates.refresh(unread).at(NOW.plusSeconds(10)).build());
        assertThat(model.history().points("b")).hasSize(1);

        model.apply(FleetStates.refresh(FleetStates.fleet(used("a", 100))).at(NOW.plusSeconds(20)).build());
        assertThat(model.history().points("b")).isEmpty();
        assertThat(model.history().points("a")).hasSize(3);
    }

    @Test
    void aSimulatedVolumeIsSaid() {
        model.apply(state(used("a", 100), node("b", NodeType.WRITER).simulatedVolume().build()));
        assertThat(model.simulatedProperty().get()).isTrue();
    }
}
