package dev.graphfleet.config;

/**
 * A replica group ({@code replicas.<group>}): read-only nodes of a tier in an Auto Scaling group
 * behind a load balancer, booted from snapshots. {@code instance} holds only what the group
 * overrides; {@link GraphfleetConfig#effectiveInstance(String)} gives the result.
 */
public record ReplicaGroupConfig(
        String tier,
        InstanceSpec instance,
        ScalingConfig scaling,
        HealthCheckConfig healthCheck,
        SnapshotConfig snapshot) {

    public ReplicaGroupConfig {
        instance = instance == null ? InstanceSpec.EMPTY : instance;
        scaling = scaling == null ? ScalingConfig.DEFAULTS : scaling;
        healthCheck = healthCheck == null ? HealthCheckConfig.DEFAULTS : healthCheck;
        snapshot = snapshot == null ? SnapshotConfig.DEFAULTS : snapshot;
    }
}
