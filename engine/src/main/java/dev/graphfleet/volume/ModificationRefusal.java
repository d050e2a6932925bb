package dev.graphfleet.volume;

import java.util.Locale;

/** Why the provider refused a volume modification, classified from its error code and message. */
public enum ModificationRefusal {
    /** IncorrectModificationState while the last modification is optimizing: it is stuck there. */
    STUCK_OPTIMIZING,
    /** IncorrectModificationState otherwise: a modification is in progress. */
    IN_PROGRESS,
    /** VolumeModificationRateExceeded: inside the provider's 6-hour cooldown. */
    COOLDOWN,
    /** The volume does not exist (any more). */
    NOT_FOUND,
    /** Anything else. */
    OTHER;

    /**
     * Classifies an EC2 error. The original matched "IncorrectModificationState" and "OPTIMIZING" in the text;
     * the code is checked first and the message only as a fallback, both case-insensitively.
     */
    public static ModificationRefusal classify(String errorCode, String message) {
        String code = errorCode == null ? "" : errorCode.toLowerCase(Locale.ROOT);
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code.equals("incorrectmodificationstate") || text.contains("incorrectmodificationstate")) {
            return text.contains("optimizing") ? STUCK_OPTIMIZING : IN_PROGRESS;
        }
        if (code.equals("volumemodificationrateexceeded") || text.contains("volumemodificationrateexceeded")) {
            return COOLDOWN;
        }
        if (code.startsWith("invalidvolume.notfound") || text.contains("invalidvolume.notfound")) {
            return NOT_FOUND;
        }
        return OTHER;
    }
}
