package dev.graphfleet.fleet;

/**
 * The tags that mark Graphfleet's resources in AWS: instances and Auto Scaling groups carry
 * {@link #SERVICE}, {@link #ENVIRONMENT} and {@link #ROLE}; a replica group's ASG carries
 * {@link #REPLICA_GROUP}; data-volume snapshots carry {@link #GRAPH_ID} and {@link #ENVIRONMENT}.
 */
public final class FleetTags {

    public static final String SERVICE = "Service";
    /** The {@link #SERVICE} of a snapshot when neither --service nor its master's tag names one. */
    public static final String DEFAULT_SERVICE = "graphfleet";
    public static final String ENVIRONMENT = "Environment";
    /** writer, shared_master or shared_replica (the original's tag name, kept so existing fleets are found). */
    public static final String ROLE = "LadybugRole";
    public static final String REPLICA_GROUP = "ReplicaGroup";
    public static final String TIER = "Tier";
    public static final String GRAPH_ID = "GraphId";
    /** The snapshot job that made a snapshot. */
    public static final String JOB_ID = "SnapshotJobId";
    public static final String NAME = "Name";

    private FleetTags() {
    }
}
