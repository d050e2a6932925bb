package dev.graphfleet.volume.sync;

/** One correction of the volume registry to what EC2 says. */
public sealed interface SyncChange {

    String volumeId();

    /** EC2 shows the volume detached; the registry still has it on an instance. */
    record MarkAvailable(String volumeId) implements SyncChange {
    }

    /** The volume is attached to another instance now (or re-attached after being available). */
    record Repoint(String volumeId, String fromInstance, String toInstance, long sizeGb) implements SyncChange {
    }

    /** EC2 no longer has the volume. */
    record Remove(String volumeId) implements SyncChange {
    }

    /** A data volume of a fleet instance that the registry lacks. */
    record Register(String volumeId, String instanceId, long sizeGb) implements SyncChange {
    }
}
