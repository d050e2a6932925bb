package dev.graphfleet.volume.alert;

import java.util.Objects;

/**
 * One notification: an SNS subject (one line, at most {@link #MAX_SUBJECT} characters, as SNS requires) and a
 * plain-text body.
 */
public record AlertMessage(Kind kind, String subject, String body) {

    /** SNS refuses subjects longer than this. */
    public static final int MAX_SUBJECT = 100;

    /** What the message is about; one message per kind and run. */
    public enum Kind { EXPANSIONS, ERRORS, STUCK_VOLUMES, ALERTS, STUCK_FIXED }

    public AlertMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT
                || subject.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("an SNS subject is one line of at most " + MAX_SUBJECT
                    + " printable ASCII characters, got '" + subject + "'");
        }
    }
}
