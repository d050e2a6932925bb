package dev.graphfleet.volume.monitor;

/** Reads an instance's data volume from the node itself. */
@FunctionalInterface
public interface InstanceVolumeReader {

    /** The reading, or an exception whose message says why the node did not give one. */
    DiskReading read(FleetInstance instance) throws Exception;
}
