package dev.graphfleet.console.service;

import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the console knows about one instance's data volume beyond the node's own figures: who gave the
 * usage (the node, or CloudWatch when the node did not answer), how often the fallback fired since the
 * console started, and the volume's modification as the provider (EC2, the local simulation) describes it.
 *
 * @param source         NODE, CLOUDWATCH (fallback) or NONE
 * @param fallback       the CloudWatch reading when the node gave none; null otherwise
 * @param fallbackReason why the node's figures were not used, or null
 * @param fallbacks      how many refreshes used the fallback for this instance so far
 * @param volumeId       the provider's volume id, or null when no provider knows it
 * @param volumeSizeGb   the provider's size (what sizing uses); 0 when unknown
 * @param modification   the latest modification, {@link VolumeModification#none()} when none
 * @param expansions     modifications seen so far, oldest first (bounded)
 * @param describeError  why the provider could not describe the volume, or null
 */
public record VolumeFacts(MetricsSource source, DiskReading fallback, String fallbackReason, long fallbacks,
                          String volumeId, long volumeSizeGb, VolumeModification modification,
                          List<Expansion> expansions, String describeError) {

    public VolumeFacts {
        Objects.requireNonNull(source, "source");
        modification = modification == null ? VolumeModification.none() : modification;
        expansions = expansions == null ? List.of() : List.copyOf(expansions);
    }

    /**
     * One modification of the volume, as last seen.
     *
     * @param since      when it started (while active) or completed, as the provider says
     * @param fromSizeGb the size before it; 0 when the console did not see it
     * @param toSizeGb   the size it modifies to
     * @param state      where it was when last seen
     */
    public record Expansion(Instant since, long fromSizeGb, long toSizeGb, ModificationState state) {
    }
}
