package dev.graphfleet.repo;

import java.nio.file.Path;

/**
 * A fetched, verified version in the cache. {@code bytesDownloaded} counts bytes read from the
 * store by this call (retried reads included); {@code bytesResumed} were already on disk from an
 * interrupted fetch. A cache hit downloads nothing.
 */
public record FetchResult(Manifest manifest, Path file, boolean fromCache, long bytesDownloaded, long bytesResumed) {
}
