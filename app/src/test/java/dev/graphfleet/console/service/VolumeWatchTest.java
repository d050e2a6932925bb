package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.local.InMemoryVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.volume.monitor.CloudWatchDiskMetrics;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The volume facts the console reads per refresh, on the local fleet's real simulated volumes. */
class VolumeWatchTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final SimulatedVolumes volumes = new SimulatedVolumes(new InMemoryVolumeStore(), clock,
            new SimulatedTimings(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30)));
    private final List<String> cloudWatchReads = new ArrayList<>();

    private final CloudWatchDiskMetrics cloudWatch = instance -> {
        cloudWatchReads.add(instance.instanceId() + " " + instance.dataMount());
        return new DiskReading(500, 300, 0.6, instance.dataMount(), MetricsSource.CLOUDWATCH);
    };

    private static FleetInstance answering(String id, double sizeGb) {
        NodeSummary node = new NodeSummary(null, 10L, new NodeSummary.VolumeUsage(sizeGb, 1, sizeGb - 1,
                1 / sizeGb, "/mnt/lbug-data"), null, null, Map.of(), List.of(), List.of());
        return new FleetInstance(id, NodeType.WRITER, URI.create("http://127.0.0.1:1"), "ready", Health.HEALTHY,
                null, null, null, null, node, null);
    }

    private static FleetInstance silent(String id) {
        return new FleetInstance(id, NodeType.SHARED_REPLICA, URI.create("http://127.0.0.1:2"), null,
                Health.UNREACHABLE, "no answer within 2000 ms", null, null, null, null, null);
    }

    private static FleetSnapshot fleet(FleetInstance... instances) {
        return new FleetSnapshot("test", Instant.EPOCH, "nodes", true, null, List.of(), List.of(instances), List.of());
    }

    @Test
    void aNodeThatAnswersIsItsOwnSourceAndCloudWatchIsNotAsked() {
        VolumeFacts facts = new VolumeWatch(volumes, cloudWatch).read(fleet(answering("writer-1", 500))).get("writer-1");
        assertThat(facts.source()).isEqualTo(MetricsSource.NODE);
        assertThat(facts.fallback()).isNull();
        assertThat(facts.fallbacks()).isZero();
        assertThat(cloudWatchReads).isEmpty();
    }

    @Test
    void aSilentNodeIsReadFromCloudWatchAtItsRolesMountAndEveryFallbackCounts() {
        VolumeWatch watch = new VolumeWatch(volumes, cloudWatch);
        watch.read(fleet(silent("replica-1")));
        VolumeFacts facts = watch.read(fleet(silent("replica-1"))).get("replica-1");
        assertThat(facts.source()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(facts.fallback().usedGb()).isEqualTo(300);
        assertThat(facts.fallbacks()).isEqualTo(2);
        assertThat(facts.fallbackReason()).isEqualTo("no answer within 2000 ms");
        assertThat(cloudWatchReads).containsExactly("replica-1 /data", "replica-1 /data");
    }

    @Test
    void withNeitherSourceTheReasonSaysWhyForBoth() {
        VolumeFacts facts = VolumeWatch.nodesOnly().read(fleet(silent("replica-1"))).get("replica-1");
        assertThat(facts.source()).isEqualTo(MetricsSource.NONE);
        assertThat(facts.fallbacks()).isZero();
        assertThat(facts.fallbackReason()).isEqualTo("no answer within 2000 ms; CloudWatch fallback not configured "
                + "(a list of node URLs has no AWS source)");
        assertThat(facts.volumeId()).as("no provider").isNull();
    }

    @Test
    void followsAModificationThroughItsStatesAndRemembersEachExpansion() throws Exception {
        volumes.attach("writer-1", "vol-w", 500);
        VolumeWatch watch = new VolumeWatch(volumes, cloudWatch);
        assertThat(watch.read(fleet(answering("writer-1", 500))).get("writer-1").expansions()).isEmpty();

        volumes.modify("vol-w", 750);
        VolumeFacts modifying = watch.read(fleet(answering("writer-1", 500))).get("writer-1");
        assertThat(modifying.modification().state()).isEqualTo(ModificationState.MODIFYING);
        assertThat(modifying.volumeSizeGb()).isEqualTo(750);
        clock.advance(Duration.ofMinutes(3));
        assertThat(watch.read(fleet(answering("writer-1", 500))).get("writer-1").modification().state())
                .isEqualTo(ModificationState.OPTIMIZING);
        clock.advance(Duration.ofMinutes(40)); // completed, and past the cooldown
        watch.read(fleet(answering("writer-1", 750)));
        volumes.modify("vol-w", 1125);
        VolumeFacts second = watch.read(fleet(answering("writer-1", 750))).get("writer-1");

        assertThat(second.expansions()).extracting(e -> e.fromSizeGb() + "->" + e.toSizeGb() + " " + e.state())
                .containsExactly("500->750 COMPLETED", "750->1125 MODIFYING");
    }
}
