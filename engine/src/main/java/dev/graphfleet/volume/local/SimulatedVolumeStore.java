package dev.graphfleet.volume.local;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where simulated volumes live: in memory for one process, or a file the local fleet and the volume monitor
 * share. Failures of a store surface as {@link java.io.UncheckedIOException}.
 */
public interface SimulatedVolumeStore {

    /** Every volume by id, as of now. */
    Map<String, SimulatedVolume> read();

    /**
     * Replaces the volumes with what {@code change} makes of the current ones, as one step: no other update
     * (in this process or another) interleaves with it. {@code change} gets an unmodifiable map and returns
     * the new one.
     */
    void update(UnaryOperator<Map<String, SimulatedVolume>> change);
}
