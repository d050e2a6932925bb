package dev.graphfleet.repo;

import dev.graphfleet.repo.RepositoryException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Fetched repository versions on the data volume, within a size budget:
 * <pre>
 *   &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/data.kuzu          verified, the file that is attached
 *   &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/manifest.json      its manifest; its modified time is the last use
 *   &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/data.kuzu.verified how data.kuzu looked when its sha256 was checked
 *   &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/data.kuzu.partial  a download in progress (never attached)
 *   &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/data.kuzu.parts    which parts of the partial file are done
 * </pre>
 * {@code data.kuzu} appears only by an atomic rename of a verified file. To make room, versions
 * that are neither pinned by the caller (attached, in use) nor being fetched are evicted, least
 * recently used first.
 *
 * <p>One process owns a cache directory (the node on its data volume); the fetcher's file lock
 * refuses a second process fetching the same version, but eviction does not coordinate across
 * processes.
 */
public final class RepositoryCache {

    static final String PARTIAL = "data.kuzu.partial";
    static final String JOURNAL = "data.kuzu.parts";
    static final String LOCK = "fetch.lock";
    static final String STAMP = "data.kuzu.verified";

    /** A version directory in the cache; incomplete ones hold an interrupted download. */
    public record Entry(VersionRef ref, long bytes, Instant lastUsed, boolean complete) {
    }

    private final Path root;
    private final long budgetBytes;
    private final Supplier<Set<VersionRef>> pinned;
    private final Clock clock;
    private final Set<VersionRef> fetching = ConcurrentHashMap.newKeySet();

    /**
     * @param budgetBytes the most the cache may hold, complete and partial versions together
     * @param pinned      asked before every eviction: the versions that must stay (attached ones)
     */
    public RepositoryCache(Path root, long budgetBytes, Supplier<Set<VersionRef>> pinned, Clock clock) {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("cache budget must be positive (found " + budgetBytes + " bytes)");
        }
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.budgetBytes = budgetBytes;
        this.pinned = Objects.requireNonNull(pinned, "pinned");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path root() {
        return root;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public Path versionDir(VersionRef ref) {
        return root.resolve(ref.name().value()).resolve(ref.version().toString());
    }

    /** Where the verified file of a version is (or will be); attach this path. */
    public Path dataFile(VersionRef ref) {
        return versionDir(ref).resolve(StoreLayout.DATA);
    }

    Path partialFile(VersionRef ref) {
        return versionDir(ref).resolve(PARTIAL);
    }

    Path journalFile(VersionRef ref) {
        return versionDir(ref).resolve(JOURNAL);
    }

    Path stampFile(VersionRef ref) {
        return versionDir(ref).resolve(STAMP);
    }

    Path manifestFile(VersionRef ref) {
        return versionDir(ref).resolve(StoreLayout.MANIFEST);
    }

    /** The manifest of a complete cached version, if it is complete. */
    public Optional<Manifest> cached(VersionRef ref) throws IOException {
        Path manifestFile = manifestFile(ref);
        if (!Files.isRegularFile(dataFile(ref))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestJson.read(Files.readAllBytes(manifestFile), manifestFile.toString(),
                    ref.name(), Optional.of(ref.version())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Marks a version as just used, which moves it to the back of the eviction order. */
    public void touch(VersionRef ref) throws IOException {
        Path marker = Files.exists(manifestFile(ref)) ? manifestFile(ref) : versionDir(ref);
        Files.setLastModifiedTime(marker, FileTime.from(clock.instant()));
    }

    /** Every version directory, complete or not. */
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return entries;
        }
        try (DirectoryStream<Path> names = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path nameDir : names) {
                String name = nameDir.getFileName().toString();
                if (!RepositoryName.isValid(name)) {
                    continue;
                }
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(nameDir, Files::isDirectory)) {
                    for (Path versionDir : versions) {
                        String version = versionDir.getFileName().toString();
                        if (Version.isValid(version)) {
                            entries.add(entry(new VersionRef(RepositoryName.of(name), Version.parse(version))));
                        }
                    }
                }
            }
        }
        return entries;
    }

    private Entry entry(VersionRef ref) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.list(versionDir(ref))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    bytes += Files.size(file);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        boolean complete = Files.isRegularFile(dataFile(ref)) && Files.isRegularFile(manifestFile(ref));
        Path marker = complete ? manifestFile(ref) : versionDir(ref);
        return new Entry(ref, bytes, Files.getLastModifiedTime(marker).toInstant(), complete);
    }

    public long usedBytes() throws IOException {
        return entries().stream().mapToLong(Entry::bytes).sum();
    }

    /**
     * Evicts least recently used versions until {@code incomingBytes} for {@code incoming} fit in
     * the budget. Pinned versions, versions being fetched, and {@code incoming} itself stay. If
     * they cannot fit even after every allowed eviction, nothing is evicted and the error says why.
     *
     * @return the evicted versions, oldest first
     */
    public synchronized List<VersionRef> makeRoom(VersionRef incoming, long incomingBytes) throws IOException {
        Set<VersionRef> keep = Set.copyOf(pinned.get());
        List<Entry> others = entries().stream().filter(e -> !e.ref().equals(incoming)).toList();
        long used = others.stream().mapToLong(Entry::bytes).sum();
        List<Entry> candidates = others.stream()
                .filter(e -> !keep.contains(e.ref()) && !fetching.contains(e.ref()))
                .sorted(Comparator.comparing(Entry::lastUsed).thenComparing(e -> e.ref().toString()))
                .toList();
        List<Entry> victims = new ArrayList<>();
        for (Entry candidate : candidates) {
            if (used + incomingBytes <= budgetBytes) {
                break;
            }
            victims.add(candidate);
            used -= candidate.bytes();
        }
        if (used + incomingBytes > budgetBytes) {
            throw new RepositoryException(Reason.NO_SPACE, "the repository cache " + root + " cannot hold "
                    + incoming + " (" + Bytes.show(incomingBytes) + "): its budget is " + Bytes.show(budgetBytes)
                    + " and versions in use keep " + Bytes.show(used) + "; raise the cache budget or detach"
                    + " unused versions");
        }
        List<VersionRef> evicted = new ArrayList<>();
        for (Entry victim : victims) {
            delete(victim.ref());
            evicted.add(victim.ref());
        }
        return evicted;
    }

    /** Deletes a version unless it is pinned or being fetched; true if it was deleted. */
    public synchronized boolean evict(VersionRef ref) throws IOException {
        if (pinned.get().contains(ref) || fetching.contains(ref)) {
            return false;
        }
        delete(ref);
        return true;
    }

    private void delete(VersionRef ref) throws IOException {
        Path dir = versionDir(ref);
        // Drop the verified file first (rename away), so a crash mid-delete never leaves a
        // directory that looks complete but is missing pieces.
        Path data = dataFile(ref);
        if (Files.exists(data)) {
            Path doomed = dir.resolve(StoreLayout.DATA + ".evicting");
            Files.move(data, doomed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(dir);
    }

    boolean isPinned(VersionRef ref) {
        return pinned.get().contains(ref);
    }

    /** Protects a version from eviction while it downloads. */
    synchronized void beginFetch(VersionRef ref) {
        fetching.add(ref);
    }

    synchronized void endFetch(VersionRef ref) {
        fetching.remove(ref);
    }

    /** Drops a complete copy that no longer matches the store or its digest (data file first); the fetcher's lock stays. */
    synchronized void discard(VersionRef ref) throws IOException {
        Files.deleteIfExists(dataFile(ref));
        Files.deleteIfExists(stampFile(ref));
        Files.deleteIfExists(manifestFile(ref));
    }
}
