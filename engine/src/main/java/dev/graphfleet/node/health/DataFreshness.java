package dev.graphfleet.node.health;

import dev.graphfleet.node.AttachmentProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How fresh a shared node's data is: the version each repository serves, and the age of the oldest
 * (from its manifest's publication time to now). A writer or master serves live data: no versions,
 * no age.
 *
 * @param versions  repository → the version it serves
 * @param oldest    the publication time of the oldest served version, or null when none is known
 * @param age       {@code oldest} to now (never negative), or null
 * @param failed    repositories whose attach failed and that serve no version
 */
public record DataFreshness(Map<String, String> versions, Instant oldest, Duration age, List<String> failed) {

    public DataFreshness {
        versions = Collections.unmodifiableMap(new TreeMap<>(versions));
        failed = List.copyOf(failed);
    }

    public static DataFreshness of(List<AttachmentProgress> attachments, Instant now) {
        Map<String, String> versions = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        Instant oldest = null;
        for (AttachmentProgress a : attachments) {
            // a failed move to another version still serves the old one: that repository is not down
            if ("failed".equalsIgnoreCase(a.phase()) && a.version() == null) {
                failed.add(a.repository());
            }
            if (a.version() == null) {
                continue;
            }
            versions.put(a.repository(), a.version());
            if (a.versionCreatedAt() != null && (oldest == null || a.versionCreatedAt().isBefore(oldest))) {
                oldest = a.versionCreatedAt();
            }
        }
        return new DataFreshness(versions, oldest, ageAt(oldest, now), failed);
    }

    /** From {@code createdAt} to {@code now}, never negative (clocks differ); null when unknown. */
    public static Duration ageAt(Instant createdAt, Instant now) {
        if (createdAt == null) {
            return null;
        }
        Duration age = Duration.between(createdAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Whole seconds of {@link #age}, or null. */
    public Long ageSeconds() {
        return age == null ? null : age.toSeconds();
    }
}
