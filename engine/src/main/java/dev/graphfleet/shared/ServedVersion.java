package dev.graphfleet.shared;

import java.util.Objects;

/**
 * The version a repository serves now and when it was published.
 *
 * @param createdAt the manifest's {@code created_at}, or null when unknown
 */
public record ServedVersion(String version, java.time.Instant createdAt) {

    public ServedVersion {
        Objects.requireNonNull(version, "version");
    }
}
