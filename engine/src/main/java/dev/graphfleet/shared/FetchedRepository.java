package dev.graphfleet.shared;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A repository version verified and in place in the local cache, ready to open.
 *
 * @param createdAt when the version was published (the manifest's {@code created_at}): how old the
 *                  data is; null when the source does not know
 */
public record FetchedRepository(String name, String version, Path file, long sizeBytes, Instant createdAt) {

    /** A version whose publication time is unknown. */
    public FetchedRepository(String name, String version, Path file, long sizeBytes) {
        this(name, version, file, sizeBytes, null);
    }
}
