package dev.graphfleet.volume.monitor;

/** Which source answered for an instance's disk usage. */
public enum MetricsSource {
    /** The node's own {@code /metrics}. */
    NODE,
    /** The CloudWatch agent's disk metrics, because the node did not answer. */
    CLOUDWATCH,
    /** Neither answered. */
    NONE
}
