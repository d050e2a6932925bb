package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.VolumeDecision;
import java.util.Objects;

/**
 * One instance in a run's report.
 *
 * @param instance       the instance
 * @param source         who gave the disk reading (NONE when nobody did)
 * @param reading        the reading; null when none
 * @param fallbackReason why the node's own answer was not used (null when it was)
 * @param volumeId       the EBS volume; null when unknown
 * @param volumeSizeGb   the volume size the decision used; 0 when none was made
 * @param decision       the planner's decision; null when the check stopped before it
 * @param outcome        what was done
 * @param detail         one line about what was done
 * @param error          what went wrong; null when nothing did
 */
public record InstanceReport(
        WatchedInstance instance,
        MetricsSource source,
        DiskReading reading,
        String fallbackReason,
        String volumeId,
        long volumeSizeGb,
        VolumeDecision decision,
        Outcome outcome,
        String detail,
        String error) {

    public InstanceReport {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** A check that ended before a decision. */
    static InstanceReport failed(WatchedInstance instance, MetricsSource source, DiskReading reading,
                                 String fallbackReason, Outcome outcome, String error) {
        return new InstanceReport(instance, source, reading, fallbackReason, null, 0, null, outcome, "", error);
    }

    /** True when a human should hear about it: an alert, a stuck modification, or an error. */
    public boolean needsAttention() {
        return outcome == Outcome.ALERT || outcome == Outcome.FAILED || error != null
                || (decision instanceof VolumeDecision.GrowFilesystem
                        && ((VolumeDecision.GrowFilesystem) decision).cause()
                        == VolumeDecision.GrowCause.STUCK_OPTIMIZING);
    }
}
