package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.ModificationRefusal;
import java.util.Objects;

/** A volume action failed or was refused; {@code refusal} says how (classified from the provider's error). */
public final class VolumeActionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ModificationRefusal refusal;

    public VolumeActionException(ModificationRefusal refusal, String message, Throwable cause) {
        super(message, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public VolumeActionException(ModificationRefusal refusal, String message) {
        this(refusal, message, null);
    }

    public ModificationRefusal refusal() {
        return refusal;
    }
}
