package dev.graphfleet.repo;

import java.util.Optional;

/**
 * Object keys relative to a store root, and the reverse: which repository and version a key
 * belongs to. Both stores use this one layout, so a {@code file://} store can be copied to S3 as is.
 */
public final class StoreLayout {

    public static final String MANIFEST = "manifest.json";
    public static final String DATA = "data.kuzu";

    private StoreLayout() {
    }

    /** {@code <name>/manifest.json}: the current pointer. */
    public static String pointerKey(RepositoryName name) {
        return name + "/" + MANIFEST;
    }

    /** {@code <name>/<version>/manifest.json}. */
    public static String manifestKey(RepositoryName name, Version version) {
        return name + "/" + version + "/" + MANIFEST;
    }

    /** {@code <name>/<version>/data.kuzu}. */
    public static String dataKey(RepositoryName name, Version version) {
        return name + "/" + version + "/" + DATA;
    }

    /** What a key under the store root is; keys outside the layout are {@link Optional#empty()}. */
    public static Optional<Entry> parse(String relativeKey) {
        String[] parts = relativeKey.split("/", -1);
        if (parts.length == 2 && RepositoryName.isValid(parts[0]) && parts[1].equals(MANIFEST)) {
            return Optional.of(new Entry(RepositoryName.of(parts[0]), Optional.empty(), Kind.POINTER));
        }
        if (parts.length == 3 && RepositoryName.isValid(parts[0]) && Version.isValid(parts[1])) {
            Kind kind = parts[2].equals(MANIFEST) ? Kind.MANIFEST : parts[2].equals(DATA) ? Kind.DATA : null;
            if (kind != null) {
                return Optional.of(new Entry(RepositoryName.of(parts[0]), Optional.of(Version.parse(parts[1])), kind));
            }
        }
        return Optional.empty();
    }

    public enum Kind { POINTER, MANIFEST, DATA }

    /** A key of the layout: the pointer of a repository, or a version's manifest or data. */
    public record Entry(RepositoryName name, Optional<Version> version, Kind kind) {
    }
}
