package dev.graphfleet.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A place repositories are published to and fetched from ({@code file://} or {@code s3://}).
 * Errors are {@link RepositoryException}s whose reason says whether a retry can help. Safe for
 * concurrent readers; publishing one repository is meant for one publisher at a time.
 */
public interface RepositoryStore extends AutoCloseable {

    /** Where this store is; also how it appears in messages. */
    StoreUri uri();

    /**
     * Publishes a checkpointed database file as the next version of {@code name} and makes it the
     * current one. Uploads the data first, then the version's manifest, then the current pointer,
     * so a reader never sees a manifest naming a missing object. Refuses a file with a non-empty
     * write-ahead log next to it ({@code <file>.wal}): checkpoint the database first.
     *
     * @param engineVersion the graph engine version that wrote the file, e.g. {@code 0.11.2}
     */
    Manifest publish(RepositoryName name, Path databaseFile, String engineVersion) throws IOException;

    /** Every repository in the store with its complete versions and its current version. */
    List<RepositoryListing> list() throws IOException;

    /**
     * The manifest the current pointer names, checked: it matches the version's own manifest and
     * the data object exists with the manifest's size. NOT_FOUND when the repository has no pointer.
     */
    Manifest current(RepositoryName name) throws IOException;

    /** One version's manifest, checked like {@link #current}. NOT_FOUND when the version is absent. */
    Manifest manifest(RepositoryName name, Version version) throws IOException;

    /** Streams {@code length} bytes of the manifest's data object from {@code offset}. */
    InputStream openRange(Manifest manifest, long offset, long length) throws IOException;

    @Override
    void close() throws IOException;
}
