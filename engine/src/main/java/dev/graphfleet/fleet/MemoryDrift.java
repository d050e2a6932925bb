package dev.graphfleet.fleet;

import dev.graphfleet.config.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replicas running with other memory settings than the config gives their group: the original copied
 * a writer's 10 GB buffer pool onto 8 GB replicas, and nothing compared what ran with what was meant.
 * Compares each shared replica's reported memory budget ({@code max_memory_mb}) and per-database
 * buffer pool ({@code memory_per_db_mb}) with its group's effective instance settings.
 */
public final class MemoryDrift {

    private MemoryDrift() {
    }

    /** What the config says a group's replicas run with. */
    public record Expected(long maxMemoryBytes, long bufferPoolBytes) {
    }

    /** One setting of one instance that differs: values in MiB, as the config writes them. */
    public record Drift(String instanceId, String group, String setting, long configuredMb, long runningMb) {
        public String describe() {
            return instanceId + " (group " + group + "): " + setting + " configured " + configuredMb + ", running "
                    + runningMb;
        }
    }

    /** The drifts, and the replicas that could not be compared (and why). */
    public record Report(List<Drift> drifts, List<String> unchecked) {
        public Report {
            drifts = List.copyOf(drifts);
            unchecked = List.copyOf(unchecked);
        }
    }

    private static final long MIB = 1024L * 1024;

    /**
     * @param groups group name → its expected settings; a replica whose group the fleet does not know is
     *               compared with the only group when there is exactly one
     */
    public static Report check(FleetSnapshot fleet, Map<String, Expected> groups) {
        Objects.requireNonNull(groups, "groups");
        List<Drift> drifts = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (FleetInstance instance : fleet.withRole(NodeType.SHARED_REPLICA)) {
            String group = instance.group() != null ? instance.group()
                    : groups.size() == 1 ? groups.keySet().iterator().next() : null;
            Expected expected = group == null ? null : groups.get(group);
            if (expected == null) {
                unchecked.add(instance.id() + ": its replica group " + (group == null ? "is not known" : group
                        + " is not in the config") + (groups.size() > 1 ? " (the config has " + groups.keySet() + ")" : ""));
                continue;
            }
            NodeSummary.BufferPool running = instance.node() == null ? null : instance.node().bufferPool();
            if (running == null) {
                unchecked.add(instance.id() + ": its memory settings could not be read ("
                        + (instance.nodeError() != null ? instance.nodeError() : "health " + instance.health().label())
                        + ")");
                continue;
            }
            compare(drifts, instance.id(), group, "max_memory_mb", expected.maxMemoryBytes(), running.memoryBudgetBytes());
            if (running.perDatabaseBytes() != null) {
                compare(drifts, instance.id(), group, "memory_per_db_mb (buffer pool)", expected.bufferPoolBytes(),
                        running.perDatabaseBytes());
            }
        }
        return new Report(drifts, unchecked);
    }

    private static void compare(List<Drift> out, String id, String group, String setting, long configured,
                                long running) {
        if (configured != running) {
            out.add(new Drift(id, group, setting, configured / MIB, running / MIB));
        }
    }
}
