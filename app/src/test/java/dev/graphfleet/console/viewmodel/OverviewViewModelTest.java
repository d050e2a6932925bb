package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.GIB;
import static dev.graphfleet.console.testing.FleetStates.NOW;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.testing.FleetStates;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Overview as an operator reads it: which node is at the top, what its row says is wrong, what
 * each bar says, and the headline. Built from refreshes in memory, prepared as the poller does.
 */
class OverviewViewModelTest {

    private final VolumesViewModel volumes = new VolumesViewModel();
    private final OverviewViewModel model = new OverviewViewModel(volumes);

    private OverviewRow row(String id) {
        return model.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> order() {
        return model.rows().stream().map(OverviewRow::id).toList();
    }

    private static FleetInstance fine(String id) {
        return node(id, NodeType.SHARED_REPLICA).build();
    }

    @Test
    void downFirstThenNotReadyThenMostWrongThenWorthALookThenFineEachByName() {
        model.apply(state(
                fine("a-fine"),
                node("b-down", NodeType.SHARED_REPLICA).down("connection refused").build(),
                node("c-starting", NodeType.SHARED_REPLICA).health(Health.UNKNOWN, "starting").build(),
                node("d-unhealthy", NodeType.SHARED_REPLICA).health(Health.UNHEALTHY, "/health 503").build(),
                node("e-full", NodeType.WRITER).volume(500, 450).build(),
                node("f-over", NodeType.WRITER).bufferPool(12 * GIB, 14 * GIB, 7, null).pool(10, 0, 10, 4, 2).build(),
                node("g-alarm", NodeType.SHARED_MASTER).volume(500, 375).build(),
                fine("h-fine")));

        assertThat(order()).containsExactly("b-down", "c-starting", "d-unhealthy", "f-over", "e-full", "g-alarm",
                "a-fine", "h-fine");
        assertThat(model.rows()).extracting(r -> r.problemLevelProperty().get()).containsExactly(
                "exhausted", "unknown", "exhausted", "exhausted", "exhausted", "alarm", "ok", "ok");
        assertThat(model.rows()).extracting(r -> r.problemsProperty().get()).containsExactly(
                "unreachable: connection refused",
                "unknown: starting",
                "unhealthy: /health 503",
                "over memory budget · 2 pool timeouts",
                "volume over 80 %",
                "volume over 70 %",
                "none",
                "none");
        assertThat(model.summaryProperty().get())
                .isEqualTo("6 of 8 nodes need attention: 1 down, 4 with problems, 1 worth a look");
    }

    @Test
    void eachBarSaysItsFigureAndColoursItsLevel() {
        model.apply(state(
                fine("a-fine"),
                node("b-down", NodeType.SHARED_REPLICA).down("connection refused").build(),
                node("e-full", NodeType.WRITER).volume(500, 450).build(),
                node("f-over", NodeType.WRITER).bufferPool(12 * GIB, 14 * GIB, 7, null).pool(10, 0, 10, 4, 2).build(),
                node("g-busy", NodeType.SHARED_MASTER).volume(500, 375).pool(9, 1, 10, 0, 0).build()));

        Gauge memory = row("a-fine").memoryProperty().get().gauge();
        assertThat(memory).isEqualTo(new Gauge(0.5, "ok", "6.0 GiB / 12.0 GiB"));
        assertThat(row("a-fine").volumeProperty().get().gauge())
                .isEqualTo(new Gauge(0.42, "ok", "42 % of 500 GB · no forecast yet"));
        assertThat(row("a-fine").connectionsProperty().get().gauge()).isEqualTo(new Gauge(0.1, "ok", "1 / 10 in use"));

        assertThat(row("f-over").memoryProperty().get().gauge())
                .isEqualTo(new Gauge(14.0 / 12, "exhausted", "14.0 GiB / 12.0 GiB"));
        assertThat(row("f-over").connectionsProperty().get().gauge())
                .isEqualTo(new Gauge(1.0, "exhausted", "10 / 10 in use"));
        assertThat(row("e-full").volumeProperty().get().gauge().level()).isEqualTo("expand");
        assertThat(row("g-busy").volumeProperty().get().gauge().level()).isEqualTo("alarm");
        assertThat(row("g-busy").connectionsProperty().get().gauge()).isEqualTo(new Gauge(0.9, "busy", "9 / 10 in use"));
        assertThat(row("g-busy").problemsProperty().get()).isEqualTo("volume over 70 % · pool nearly full");

        OverviewRow down = row("b-down");
        assertThat(down.memoryProperty().get().gauge()).isEqualTo(new Gauge(0, "unknown", "no figures: unreachable"));
        assertThat(down.volumeProperty().get().gauge().text()).isEqualTo("no figures: unreachable");
        assertThat(down.connectionsProperty().get().gauge().text()).isEqualTo("no figures: unreachable");
        assertThat(down.versionsProperty().get()).isEqualTo("unknown: unreachable");
        assertThat(down.healthProperty().get()).isEqualTo("unreachable");
        assertThat(down.roleProperty().get()).isEqualTo("shared replica");
    }

    @Test
    void theThresholdsAreEdgesThatTheFigureMustPass() {
        model.apply(state(
                node("at-alarm", NodeType.WRITER).volume(500, 350).pool(8, 2, 10, 0, 0).build(),
                node("at-expansion", NodeType.WRITER).volume(500, 400).build(),
                node("no-budget", NodeType.WRITER).bufferPool(0, 0, 0, null).pool(0, 0, 0, 0, 0).build()));

        assertThat(row("at-alarm").problemsProperty().get()).as("70 % is not over 70 %, 8 of 10 not nearly full")
                .isEqualTo("none");
        assertThat(row("at-alarm").volumeProperty().get().gauge().level()).isEqualTo("ok");
        assertThat(row("at-alarm").connectionsProperty().get().gauge().level()).isEqualTo("ok");
        assertThat(row("at-expansion").problemsProperty().get()).isEqualTo("volume over 70 %");
        assertThat(row("at-expansion").volumeProperty().get().gauge().level()).isEqualTo("alarm");
        assertThat(row("no-budget").memoryProperty().get().gauge())
                .as("pools against no budget at all: a full bar, not a division by zero")
                .isEqualTo(new Gauge(1, "ok", "0 B / 0 B"));
        assertThat(row("no-budget").connectionsProperty().get().gauge()).isEqualTo(new Gauge(0, "ok", "0 / 0 in use"));
        assertThat(row("no-budget").problemsProperty().get()).isEqualTo("none");
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 3 nodes need attention: 1 worth a look");
    }

    @Test
    void aNodeWithoutFiguresSaysWhyInEveryColumn() {
        model.apply(state(
                node("a-401", NodeType.WRITER).metricsError("/metrics: HTTP 401").build(),
                node("b-silent", NodeType.WRITER).noSummary().build(),
                node("c-partial", NodeType.WRITER).noBufferPool().noPool().build(),
                node("d-stale", NodeType.WRITER).stale("system", "pool").build(),
                node("e-blank", NodeType.WRITER).health(Health.UNHEALTHY, " ").build()));

        assertThat(row("a-401").problemsProperty().get()).isEqualTo("metrics: /metrics: HTTP 401");
        assertThat(row("a-401").versionsProperty().get()).isEqualTo("unknown: /metrics: HTTP 401");
        assertThat(row("a-401").memoryProperty().get().gauge().text()).isEqualTo("no figures: /metrics: HTTP 401");
        assertThat(row("a-401").problemLevelProperty().get()).isEqualTo("exhausted");
        assertThat(row("b-silent").problemsProperty().get()).isEqualTo("no metrics from this node");
        assertThat(row("b-silent").volumeProperty().get().gauge().text()).isEqualTo("no figures: no metrics");
        assertThat(row("c-partial").problemsProperty().get()).isEqualTo("no memory, pool figures");
        assertThat(row("c-partial").problemLevelProperty().get()).isEqualTo("alarm");
        assertThat(row("c-partial").memoryProperty().get().gauge())
                .isEqualTo(new Gauge(0, "unknown", "no figures: the node sent no memory figures"));
        assertThat(row("c-partial").connectionsProperty().get().gauge().text())
                .isEqualTo("no figures: the node sent no pool figures");
        assertThat(row("c-partial").volumeProperty().get().gauge().level()).isEqualTo("ok");
        assertThat(row("d-stale").problemsProperty().get()).isEqualTo("stale: system, pool");
        assertThat(row("d-stale").problemLevelProperty().get()).isEqualTo("alarm");
        assertThat(row("e-blank").problemsProperty().get()).isEqualTo("unhealthy");
        assertThat(order()).containsExactly("e-blank", "a-401", "b-silent", "c-partial", "d-stale");
        assertThat(model.summaryProperty().get()).isEqualTo(
                "5 of 5 nodes need attention: 3 with problems, 2 worth a look, no figures from 2 nodes");
    }

    @Test
    void onlyAVolumeWithoutItsFiguresIsSaidAlone() {
        model.apply(state(node("a", NodeType.WRITER).noVolume().build()));

        assertThat(row("a").problemsProperty().get()).isEqualTo("no volume figures");
        assertThat(row("a").volumeProperty().get().gauge().text()).isEqualTo("no figures: the node sent no volume figures");
    }

    @Test
    void theMemoryVerdictOverridesTheNodesOwnWord() {
        ConsoleState state = FleetStates.refresh(FleetStates.fleet(fine("a"), fine("b")))
                .verdict("a", new MemoryCheck.MemoryVerdict(true, List.of("budget above the RAM")))
                .verdict("b", new MemoryCheck.MemoryVerdict(false, List.of())).build();

        model.apply(state);

        assertThat(order()).containsExactly("a", "b");
        assertThat(row("a").problemsProperty().get()).isEqualTo("over memory budget");
        assertThat(row("a").memoryProperty().get().gauge().level()).isEqualTo("exhausted");
        assertThat(row("b").problemsProperty().get()).isEqualTo("none");
    }

    @Test
    void failedAttachmentsAreProblemsWithTheirErrorAndVersionsListEveryRepository() {
        model.apply(state(
                node("a", NodeType.SHARED_REPLICA).attachment("sec", "attached", "v3", null)
                        .attachment("economic", "downloading", null, null)
                        .attachment("legal", "attached", null, null).build(),
                node("b", NodeType.SHARED_REPLICA).attachment("sec", "failed", "v3", "checksum mismatch")
                        .attachment("economic", "failed", null, null).build(),
                node("c", NodeType.WRITER).dataVersion("snap-0042").build(),
                node("d", NodeType.WRITER).build(),
                node("e", NodeType.WRITER).metricsError("/metrics: HTTP 401 Unauthorized from the node, twice").build()));

        assertThat(row("a").versionsProperty().get())
                .isEqualTo("sec v3 · economic downloading · legal (no version reported)");
        assertThat(row("b").problemsProperty().get()).isEqualTo("sec failed: checksum mismatch · economic failed");
        assertThat(row("c").versionsProperty().get()).isEqualTo("data snap-0042");
        assertThat(row("d").versionsProperty().get()).isEqualTo("no shared repositories");
        assertThat(order()).as("two failures before one metrics error").startsWith("b", "e");
        assertThat(model.widestVersionsProperty().get()).as("what a node serves, not why one serves nothing known")
                .isEqualTo("sec v3 · economic downloading · legal (no version reported)");
    }

    @Test
    void theHeadlineClaimsAllFineOnlyWhenEveryNodeIsAndSaysWhenThereAreNone() {
        model.apply(state(fine("a"), fine("b"), fine("c")));
        assertThat(model.summaryProperty().get())
                .isEqualTo("All 3 nodes fine: healthy, within budget, below the thresholds");

        model.apply(state(fine("a")));
        assertThat(model.summaryProperty().get()).isEqualTo("All 1 node fine: healthy, within budget, below the thresholds");
        assertThat(order()).containsExactly("a");

        model.apply(state(fine("a"), node("b", NodeType.WRITER).down(null).build()));
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 2 nodes need attention: 1 down");
        assertThat(row("b").problemsProperty().get()).isEqualTo("unreachable");

        model.apply(state());
        assertThat(model.summaryProperty().get()).isEqualTo("No instances in the last refresh");
        assertThat(model.rows()).isEmpty();

        model.apply(FleetStates.refresh(FleetSnapshot.unreachable("prod", NOW, "aws(prod)", "timeout")).build());
        assertThat(model.summaryProperty().get()).isEqualTo("No instances: the source did not answer");
    }

    @Test
    void aVolumeFillingWithinADayIsWorthALookWithItsForecastOnTheBar() {
        for (int minute = 0; minute <= 20; minute += 5) {
            ConsoleState s = FleetStates.refresh(FleetStates.fleet(
                            node("a", NodeType.WRITER).volume(1000, 600 + 2 * minute).build(),
                            node("b", NodeType.WRITER).volume(1000, 600).build()))
                    .at(NOW.plus(Duration.ofMinutes(minute))).build();
            volumes.apply(s);
            model.apply(s);
        }

        assertThat(order()).containsExactly("a", "b");
        assertThat(row("a").problemLevelProperty().get()).isEqualTo("alarm");
        assertThat(row("a").problemsProperty().get())
                .isEqualTo("volume fills in ~3 h (+120 GB/h; 5 readings over 20 min)");
        assertThat(row("a").volumeProperty().get().gauge().text()).isEqualTo("64 % of 1000 GB · fills in ~3 h");
        assertThat(row("b").volumeProperty().get().gauge().text()).isEqualTo("60 % of 1000 GB · not growing");
        assertThat(row("b").problemsProperty().get()).isEqualTo("none");
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 2 nodes need attention: 1 worth a look");
    }

    @Test
    void theHistoryKeepsOneReadingEveryFiveSecondsAndForgetsNodesThatLeft() {
        Instant t = NOW;
        model.apply(FleetStates.refresh(FleetStates.fleet(fine("a"), fine("b"))).at(t).build());
        long first = model.history().revision("a");
        model.apply(FleetStates.refresh(FleetStates.fleet(fine("a"), fine("b"))).at(t.plusSeconds(1)).build());
        assertThat(model.history().revision("a")).as("a refresh 1 s later records nothing").isEqualTo(first);
        model.apply(FleetStates.refresh(FleetStates.fleet(fine("a"), fine("b"))).at(t.plusSeconds(5)).build());
        assertThat(model.history().revision("a")).as("5 s later it does").isGreaterThan(first);

        FleetSnapshot unread = new FleetSnapshot("prod", t.plusSeconds(20), "aws(prod)", false, "timeout", List.of(),
                List.of(fine("a")), List.of());
        model.apply(FleetStates.refresh(unread).at(t.plusSeconds(20)).build());
        assertThat(model.history().size()).as("an unread source says nothing about who left").isEqualTo(2);

        model.apply(FleetStates.refresh(FleetStates.fleet(fine("a"))).at(t.plusSeconds(30)).build());
        assertThat(model.history().size()).isEqualTo(1);
        assertThat(model.rows()).extracting(OverviewRow::id).containsExactly("a");
    }
}
