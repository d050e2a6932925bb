package dev.graphfleet.shared;

import java.nio.file.Path;

/** A repository version verified and in place in the local cache, ready to open. */
public record FetchedRepository(String name, String version, Path file, long sizeBytes) {
}
