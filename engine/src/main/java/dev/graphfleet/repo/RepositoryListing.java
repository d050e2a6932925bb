package dev.graphfleet.repo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One repository as {@link RepositoryStore#list()} sees it: its complete versions (manifest and
 * data both present), oldest first, and the version its current pointer names. {@code problem}
 * explains a pointer that cannot be read, without hiding the other repositories.
 */
public record RepositoryListing(RepositoryName name, Optional<Version> current, List<VersionEntry> versions,
                                Optional<String> problem) {

    public RepositoryListing {
        versions = List.copyOf(versions);
    }

    /** A complete version: the size of its data object and when that object was written. */
    public record VersionEntry(Version version, long sizeBytes, Instant publishedAt) {
    }
}
