package dev.graphfleet.repo;

import java.util.Objects;

/** One version of one repository, e.g. {@code sec@v3}: the unit the cache keeps and pins. */
public record VersionRef(RepositoryName name, Version version) {
    public VersionRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
