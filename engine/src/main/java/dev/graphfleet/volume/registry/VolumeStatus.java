package dev.graphfleet.volume.registry;

import java.util.Locale;

/** A registered volume's status, stored lower-case as the original registry did. */
public enum VolumeStatus {
    /** A modification was requested and the filesystem grow has not been confirmed yet. */
    EXPANDING,
    /** Attached to its instance and settled. */
    ATTACHED,
    /** Detached. */
    AVAILABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VolumeStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown volume status '" + value
                    + "' in the volume registry (expected expanding, attached or available)", e);
        }
    }
}
