package dev.graphfleet.fleet;

import dev.graphfleet.config.NodeType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet as one source saw it at one moment. Read-only: a view or the volume monitor that holds
 * one sees a consistent picture, and the next refresh makes a new one.
 *
 * @param environment     e.g. {@code prod}, {@code local}, or {@code nodes} for a plain list of URLs
 * @param takenAt         when the source was read
 * @param source          what was read, e.g. {@code nodes(3)} or {@code aws(prod, us-east-1)}
 * @param sourceReachable false when the source itself could not be read (then {@code sourceError} says why)
 * @param sourceError     why the source could not be read, or null
 * @param replicaGroups   the replica groups, by name
 * @param instances       every instance: writers, shared masters, replicas and those of unknown role
 * @param warnings        things that look wrong but did not stop the read (a group whose target health
 *                        could not be read, registry rows without an instance), in plain words
 */
public record FleetSnapshot(String environment, Instant takenAt, String source, boolean sourceReachable,
                            String sourceError, List<ReplicaGroup> replicaGroups, List<FleetInstance> instances,
                            List<String> warnings) {

    public FleetSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(source, "source");
        replicaGroups = replicaGroups == null ? List.of() : List.copyOf(replicaGroups);
        instances = instances == null ? List.of() : List.copyOf(instances);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A source that could not be read at all: no instances, and why. */
    public static FleetSnapshot unreachable(String environment, Instant takenAt, String source, String error) {
        return new FleetSnapshot(environment, takenAt, source, false, error, List.of(), List.of(), List.of());
    }

    public List<FleetInstance> writers() {
        return withRole(NodeType.WRITER);
    }

    public List<FleetInstance> sharedMasters() {
        return withRole(NodeType.SHARED_MASTER);
    }

    public List<FleetInstance> sharedReplicas() {
        return withRole(NodeType.SHARED_REPLICA);
    }

    public List<FleetInstance> withRole(NodeType role) {
        return instances.stream().filter(i -> i.role() == role).toList();
    }

    public Optional<FleetInstance> instance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<ReplicaGroup> replicaGroup(String name) {
        return replicaGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The members of a replica group, in the group's order (ids the snapshot has no instance for are left out). */
    public List<FleetInstance> members(ReplicaGroup group) {
        return group.instanceIds().stream().map(this::instance).flatMap(Optional::stream).toList();
    }

    /** How many instances are in each health, every health present (0 when none). */
    public Map<Health, Long> healthCounts() {
        Map<Health, Long> counts = new EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            counts.put(h, 0L);
        }
        instances.forEach(i -> counts.merge(i.health(), 1L, Long::sum));
        return counts;
    }

    /** The source was read and every instance in it is healthy. */
    public boolean allHealthy() {
        return sourceReachable && instances.stream().allMatch(FleetInstance::isHealthy);
    }
}
