package dev.graphfleet.fleet.discovery;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.nodes.NodeReport;
import dev.graphfleet.fleet.registry.RegisteredInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one discovery found, before assembly.
 *
 * @param volumeSnapshots volume id → the snapshot it was created from (absent or empty: none)
 * @param snapshotTimes   snapshot id → when it was taken
 * @param registry        the registry's rows, or null when it was not read (no table, or it failed)
 * @param registryName    the registry's table, for messages; null when there is none
 * @param reports         instance id → what its node said; empty when the nodes were not probed
 * @param probed          whether the nodes were called
 * @param warnings        what went wrong while reading parts of the fleet (a group's target health, …)
 * @param config          the fleet config, or null: names replica groups and their tiers and types
 */
public record Discovery(String environment, Instant takenAt, String source, List<DiscoveredInstance> instances,
                        List<DiscoveredGroup> groups, Map<String, String> volumeSnapshots,
                        Map<String, Instant> snapshotTimes, List<RegisteredInstance> registry, String registryName,
                        Map<String, NodeReport> reports, boolean probed, List<String> warnings,
                        GraphfleetConfig config) {

    public Discovery {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(source, "source");
        instances = List.copyOf(instances);
        groups = List.copyOf(groups);
        volumeSnapshots = Map.copyOf(volumeSnapshots);
        snapshotTimes = Map.copyOf(snapshotTimes);
        registry = registry == null ? null : List.copyOf(registry);
        reports = Map.copyOf(reports);
        warnings = List.copyOf(warnings);
    }
}
