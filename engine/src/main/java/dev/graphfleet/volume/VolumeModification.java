package dev.graphfleet.volume;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest modification of a volume.
 *
 * @param state        where it is
 * @param since        when the modification started (EC2's StartTime: "optimizing for 31 min" counts from there,
 *                     as the original did); null for NONE
 * @param targetSizeGb the size it modifies to; 0 when unknown
 */
public record VolumeModification(ModificationState state, Instant since, long targetSizeGb) {

    private static final VolumeModification NONE = new VolumeModification(ModificationState.NONE, null, 0);

    public VolumeModification {
        Objects.requireNonNull(state, "state");
        if (state.active() && since == null) {
            throw new IllegalArgumentException("a " + state + " modification needs its start time");
        }
    }

    public static VolumeModification none() {
        return NONE;
    }

    public static VolumeModification of(ModificationState state, Instant since, long targetSizeGb) {
        return new VolumeModification(state, since, targetSizeGb);
    }

    /** How long ago it started, at {@code now}; zero when unknown. */
    public Duration age(Instant now) {
        return since == null || now.isBefore(since) ? Duration.ZERO : Duration.between(since, now);
    }
}
