package dev.graphfleet.volume;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the planner knows about one data volume at one instant.
 *
 * @param volumeId            the EBS volume id; null when no volume is known (then nothing can be modified)
 * @param volumeSizeGb        the EBS size (DescribeVolumes), which sizing uses; never the filesystem's total
 * @param filesystemSizeGb    the filesystem's total as the node (or CloudWatch) reports it
 * @param usage               used fraction of the filesystem, 0..1
 * @param modification        the volume's latest modification ({@link VolumeModification#none()} if none)
 * @param lastModificationAt  when the last modification of this volume was requested (registry); null if never
 * @param history             recent used-GB samples, for the growth forecast
 * @param alarm               true when an alarm triggered this run (the lower threshold applies)
 * @param now                 the instant of the decision
 */
public record VolumeState(
        String volumeId,
        long volumeSizeGb,
        double filesystemSizeGb,
        double usage,
        VolumeModification modification,
        Instant lastModificationAt,
        List<UsageSample> history,
        boolean alarm,
        Instant now) {

    public VolumeState {
        if (volumeSizeGb < 1) {
            throw new IllegalArgumentException("volumeSizeGb must be at least 1 GB, got " + volumeSizeGb);
        }
        if (!(filesystemSizeGb >= 0) || Double.isInfinite(filesystemSizeGb)) {
            throw new IllegalArgumentException("filesystemSizeGb must be a finite number of GB >= 0, got "
                    + filesystemSizeGb);
        }
        if (!(usage >= 0 && usage <= 1)) {
            throw new IllegalArgumentException("usage must be a fraction in [0, 1] (usage_percent is a fraction), got "
                    + usage);
        }
        modification = modification == null ? VolumeModification.none() : modification;
        history = history == null ? List.of() : List.copyOf(history);
        Objects.requireNonNull(now, "now");
    }

    /** GB in use, measured against the filesystem. */
    public double usedGb() {
        return usage * filesystemSizeGb;
    }

    /** The size the volume has, or is being modified to (a failed modification's target never arrived). */
    public long effectiveVolumeSizeGb() {
        return modification.state().active() ? Math.max(volumeSizeGb, modification.targetSizeGb()) : volumeSizeGb;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For callers that fill the state in steps (and tests). Defaults: no modification, no history, no alarm. */
    public static final class Builder {
        private String volumeId;
        private long volumeSizeGb;
        private double filesystemSizeGb = -1;
        private double usage;
        private VolumeModification modification = VolumeModification.none();
        private Instant lastModificationAt;
        private List<UsageSample> history = List.of();
        private boolean alarm;
        private Instant now;

        public Builder volumeId(String v) { volumeId = v; return this; }
        public Builder volumeSizeGb(long v) { volumeSizeGb = v; return this; }
        /** Defaults to the volume size (a filesystem that already fills its volume). */
        public Builder filesystemSizeGb(double v) { filesystemSizeGb = v; return this; }
        public Builder usage(double v) { usage = v; return this; }
        public Builder modification(VolumeModification v) { modification = v; return this; }
        public Builder lastModificationAt(Instant v) { lastModificationAt = v; return this; }
        public Builder history(List<UsageSample> v) { history = v; return this; }
        public Builder alarm(boolean v) { alarm = v; return this; }
        public Builder now(Instant v) { now = v; return this; }

        public VolumeState build() {
            double fs = filesystemSizeGb < 0 ? volumeSizeGb : filesystemSizeGb;
            return new VolumeState(volumeId, volumeSizeGb, fs, usage, modification, lastModificationAt, history,
                    alarm, now);
        }
    }
}
