package dev.graphfleet.repo;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a published version is: its data object, size and sha256, the graph engine that wrote it,
 * and when. Immutable once published. {@code objectKey} is relative to the store root and is
 * always {@code <name>/<version>/data.kuzu}, so a manifest can never point outside its repository.
 */
public record Manifest(
        RepositoryName name,
        Version version,
        long sizeBytes,
        String sha256,
        String engineVersion,
        Instant createdAt,
        String objectKey) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ENGINE_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "created_at");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size_bytes must be 0 or more (found " + sizeBytes + ")");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits (found "
                    + (sha256 == null ? "none" : RepositoryName.quoted(sha256)) + ")");
        }
        if (!isValidEngineVersion(engineVersion)) {
            throw new IllegalArgumentException("engine_version must be 1 to 64 letters, digits, '.', '_', '+'"
                    + " or '-', e.g. '0.11.2' (found "
                    + (engineVersion == null ? "none" : RepositoryName.quoted(engineVersion)) + ")");
        }
        String expectedKey = StoreLayout.dataKey(name, version);
        if (!expectedKey.equals(objectKey)) {
            throw new IllegalArgumentException("object_key must be '" + expectedKey + "' (found "
                    + (objectKey == null ? "none" : RepositoryName.quoted(objectKey)) + ")");
        }
    }

    /** A new manifest whose data object sits at the layout's place for this version. */
    public static Manifest of(RepositoryName name, Version version, long sizeBytes, String sha256,
                              String engineVersion, Instant createdAt) {
        return new Manifest(name, version, sizeBytes, sha256, engineVersion, createdAt,
                StoreLayout.dataKey(name, version));
    }

    public static boolean isValidEngineVersion(String engineVersion) {
        return engineVersion != null && ENGINE_VERSION.matcher(engineVersion).matches();
    }

    public VersionRef ref() {
        return new VersionRef(name, version);
    }
}
