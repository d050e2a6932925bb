package dev.graphfleet.console.service;

import dev.graphfleet.fleet.FleetSnapshot;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one refresh learned, immutable: the fleet as the source saw it, the node details the
 * fleet model does not carry (by instance id; empty when not read), each node's memory verdict, and
 * how the refresh went, and the volume facts beyond the nodes' figures (fallback, modification). Everything that takes work is computed on the refresh thread.
 * The FX thread only ever receives one of these and copies what changed into the view-models.
 */
public record ConsoleState(FleetSnapshot fleet, Map<String, NodeDetail> details,
                           Map<String, MemoryCheck.MemoryVerdict> memory, RefreshStatus refresh,
                           Map<String, VolumeFacts> volumes) {

    public ConsoleState {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(refresh, "refresh");
        details = details == null ? Map.of() : Map.copyOf(details);
        memory = memory == null ? Map.of() : Map.copyOf(memory);
        volumes = volumes == null ? Map.of() : Map.copyOf(volumes);
    }

    /** Without volume facts (they are read only while the Volumes view shows). */
    public ConsoleState(FleetSnapshot fleet, Map<String, NodeDetail> details,
                        Map<String, MemoryCheck.MemoryVerdict> memory, RefreshStatus refresh) {
        this(fleet, details, memory, refresh, Map.of());
    }

    /** The instance's volume facts (fallback source, modification), or null when not read. */
    public VolumeFacts volume(String instanceId) {
        return volumes.get(instanceId);
    }

    /** The instance's node details, or null when they were not read. */
    public NodeDetail detail(String instanceId) {
        return details.get(instanceId);
    }

    /** The memory verdict of an instance that reported its buffer pools, or null. */
    public MemoryCheck.MemoryVerdict memory(String instanceId) {
        return memory.get(instanceId);
    }
}
