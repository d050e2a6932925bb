package dev.graphfleet.volume;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What to do with one data volume. Exactly one of the five outcomes; each carries why. */
public sealed interface VolumeDecision {

    /** One line for a report table. */
    String summary();

    /** Short lower-case name of the outcome, for reports and JSON. */
    String kind();

    /** Nothing to do. */
    record NoAction(String reason) implements VolumeDecision {
        public NoAction {
            Objects.requireNonNull(reason, "reason");
        }

        @Override public String summary() { return reason; }
        @Override public String kind() { return "none"; }
    }

    /** Modify the volume to {@code newSizeGb}, then grow the filesystem once the modification is optimizing. */
    record Expand(long fromSizeGb, long newSizeGb, ExpansionSize sizing, List<String> reasons)
            implements VolumeDecision {
        public Expand {
            if (newSizeGb <= fromSizeGb) {
                throw new IllegalArgumentException("an expansion never shrinks: " + fromSizeGb + " -> " + newSizeGb);
            }
            reasons = List.copyOf(reasons);
        }

        @Override public String summary() {
            return "expand " + fromSizeGb + " -> " + newSizeGb + " GB (" + String.join("; ", reasons) + ")";
        }
        @Override public String kind() { return "expand"; }
    }

    /** Grow the filesystem into the space the volume already has; no volume modification. */
    record GrowFilesystem(GrowCause cause, String reason) implements VolumeDecision {
        public GrowFilesystem {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }

        @Override public String summary() { return "grow filesystem: " + reason; }
        @Override public String kind() { return "grow-filesystem"; }
    }

    /** Something would be done but cannot be now; {@code retryAfter} says when it can (null: next run). */
    record Skip(String reason, Instant retryAfter) implements VolumeDecision {
        public Skip {
            Objects.requireNonNull(reason, "reason");
        }

        @Override public String summary() { return "skip: " + reason; }
        @Override public String kind() { return "skip"; }
    }

    /** A human must look: nothing automatic can fix it. */
    record Alert(AlertKind alertKind, String message) implements VolumeDecision {
        public Alert {
            Objects.requireNonNull(alertKind, "alertKind");
            Objects.requireNonNull(message, "message");
        }

        @Override public String summary() {
            return "ALERT " + alertKind.name().toLowerCase(Locale.ROOT) + ": " + message;
        }
        @Override public String kind() { return "alert"; }
    }

    /** Why a filesystem grow was chosen. */
    enum GrowCause {
        /** The volume is larger than the filesystem by more than the tolerance (an earlier grow did not run). */
        FILESYSTEM_BEHIND,
        /** A size increase is usable as soon as the modification reaches optimizing. */
        MODIFICATION_OPTIMIZING,
        /** Optimizing for longer than the stuck limit: grow so the space is used; someone should look. */
        STUCK_OPTIMIZING
    }

    /** Why a human is alerted. */
    enum AlertKind {
        /** Above the threshold at the maximum size: it cannot grow any more. */
        AT_MAX_SIZE,
        /** At the current growth rate the volume fills before EBS allows the next modification. */
        FILLS_BEFORE_COOLDOWN_ENDS,
        /** Above the threshold but no EBS volume is known for the instance. */
        UNKNOWN_VOLUME
    }
}
