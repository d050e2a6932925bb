package dev.graphfleet.node.admission;

/** The latest resource sample; reading it never blocks (the sampling happens elsewhere). */
@FunctionalInterface
public interface ResourceGauge {

    ResourceSample latest();
}
