package dev.graphfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryDriftTest {

    private static final long MIB = 1024L * 1024;

    private static FleetInstance replica(String id, String group, Long budgetMb, Long perDbMb) {
        NodeSummary node = budgetMb == null ? null : new NodeSummary(null, 1L, null,
                new NodeSummary.BufferPool(budgetMb * MIB, 0, 1, false, null, perDbMb == null ? null : perDbMb * MIB),
                null, null, null, null);
        return new FleetInstance(id, NodeType.SHARED_REPLICA, null, "ready", Health.HEALTHY, null, "m7g.large", group,
                null, node, budgetMb == null ? "/metrics: HTTP 401" : null);
    }

    private static FleetSnapshot fleet(FleetInstance... instances) {
        return new FleetSnapshot("prod", Instant.EPOCH, "test", true, null, List.of(), List.of(instances), List.of());
    }

    @Test
    void eachDifferingSettingIsNamedWithBothValues() {
        var report = MemoryDrift.check(fleet(replica("i-1", "shared", 5120L, 4096L), replica("i-2", "shared", 10240L, 10240L)),
                Map.of("shared", new MemoryDrift.Expected(5120 * MIB, 4096 * MIB)));
        assertThat(report.drifts()).extracting(MemoryDrift.Drift::describe).containsExactly(
                "i-2 (group shared): max_memory_mb configured 5120, running 10240",
                "i-2 (group shared): memory_per_db_mb (buffer pool) configured 4096, running 10240");
        assertThat(report.unchecked()).isEmpty();
    }

    @Test
    void writersAreNotReplicasAndUnreadableOrUngroupedReplicasAreListedNotGuessed() {
        FleetInstance writer = new FleetInstance("w", NodeType.WRITER, null, "ready", Health.HEALTHY, null, null, null,
                null, null, null);
        var report = MemoryDrift.check(fleet(writer, replica("i-1", null, 5120L, null), replica("i-2", "other", 1L, null),
                        replica("i-3", "a", null, null)),
                Map.of("a", new MemoryDrift.Expected(5120 * MIB, 0), "b", new MemoryDrift.Expected(1, 1)));
        assertThat(report.drifts()).isEmpty();
        assertThat(report.unchecked()).hasSize(3);
        assertThat(report.unchecked().get(0)).startsWith("i-1: its replica group is not known");
        assertThat(report.unchecked().get(1)).startsWith("i-2: its replica group other is not in the config");
        assertThat(report.unchecked().get(2)).isEqualTo("i-3: its memory settings could not be read (/metrics: HTTP 401)");
    }

    @Test
    void aReplicaWithoutAGroupIsComparedWithTheOnlyGroupAndAnOlderNodeOnlyOnItsBudget() {
        var report = MemoryDrift.check(fleet(replica("r-1", null, 1024L, null)),
                Map.of("local-replicas", new MemoryDrift.Expected(1024 * MIB, 256 * MIB)));
        assertThat(report.drifts()).isEmpty();
        assertThat(report.unchecked()).isEmpty();
    }

    @Test
    void whatCouldNotBeComparedSaysWhyAndListsTheConfigsGroupsOnlyWhenThereIsAChoice() {
        FleetInstance silent = new FleetInstance("i-4", NodeType.SHARED_REPLICA, null, "pending", Health.UNREACHABLE, null,
                null, "a", null, null, null);
        java.util.Map<String, MemoryDrift.Expected> two = new java.util.TreeMap<>(Map.of(
                "a", new MemoryDrift.Expected(MIB, MIB), "b", new MemoryDrift.Expected(MIB, MIB)));
        var report = MemoryDrift.check(fleet(silent, replica("i-1", null, 1L, null), replica("i-2", "other", 1L, null)), two);
        assertThat(report.unchecked()).containsExactly(
                "i-4: its memory settings could not be read (health unreachable)",
                "i-1: its replica group is not known (the config has [a, b])",
                "i-2: its replica group other is not in the config (the config has [a, b])");

        var one = MemoryDrift.check(fleet(replica("i-2", "other", 1L, null)), Map.of("a", new MemoryDrift.Expected(MIB, MIB)));
        assertThat(one.unchecked()).containsExactly("i-2: its replica group other is not in the config");
    }

    @Test
    void onlyTheBufferPoolDifferingIsOneDriftAndMatchingSettingsAreNone() {
        var report = MemoryDrift.check(fleet(replica("i-1", "shared", 5120L, 2048L), replica("i-2", "shared", 5120L, 4096L)),
                Map.of("shared", new MemoryDrift.Expected(5120 * MIB, 4096 * MIB)));
        assertThat(report.drifts()).containsExactly(
                new MemoryDrift.Drift("i-1", "shared", "memory_per_db_mb (buffer pool)", 4096, 2048));
    }
}
