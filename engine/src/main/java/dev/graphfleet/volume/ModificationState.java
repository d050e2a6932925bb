package dev.graphfleet.volume;

import java.util.Locale;

/** The state of an EBS volume modification ({@code DescribeVolumesModifications}); NONE when there is none. */
public enum ModificationState {
    NONE, MODIFYING, OPTIMIZING, COMPLETED, FAILED;

    /** Parses the provider's state ("modifying", "optimizing", ...); null or blank is NONE. */
    public static ModificationState parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown volume modification state '" + value
                    + "' (expected modifying, optimizing, completed or failed)", e);
        }
    }

    /** True while another modification of the volume would be refused. */
    public boolean active() {
        return this == MODIFYING || this == OPTIMIZING;
    }
}
