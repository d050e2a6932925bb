package dev.graphfleet.volume.local;

import java.util.Map;
import java.util.function.UnaryOperator;

/** Simulated volumes in this process only: copy-on-write, so reads never wait. */
public final class InMemoryVolumeStore implements SimulatedVolumeStore {

    private volatile Map<String, SimulatedVolume> volumes = Map.of();

    @Override
    public Map<String, SimulatedVolume> read() {
        return volumes;
    }

    @Override
    public synchronized void update(UnaryOperator<Map<String, SimulatedVolume>> change) {
        volumes = Map.copyOf(change.apply(volumes));
    }
}
