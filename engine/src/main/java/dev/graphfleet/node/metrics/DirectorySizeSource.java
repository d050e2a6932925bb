package dev.graphfleet.node.metrics;

import dev.graphfleet.graph.DatabaseNames;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Database sizes in a writer's data directory, with the catalog's inventory rule: a database is a
 * regular file {@code <name><extension>} with an identifier name; its sidecars
 * ({@code <name><extension>.wal} and the like) add to its size. Directories (the engine home, backups)
 * and other files are not databases and are not descended into.
 *
 * <p>Incremental: the directory is listed again only when its modification time changed; otherwise
 * only the known database files are measured. File systems stamp times coarsely, so a change in the
 * same tick as a listing could keep the old time: a listing taken within a second of the directory's
 * time is not trusted, and the next scan lists again. Listing reads names only (no stat for other files)
 * and pauses after each batch of entries, so a directory with 100k files costs bounded I/O.
 */
public final class DirectorySizeSource implements DatabaseSizeSource {

    private final Path dataDir;
    private final String extension;
    private final int batchSize;
    private final Duration batchPause;
    private static final Duration RACY = Duration.ofSeconds(1);

    private FileTime listedAt;
    private long listedAtMillis;
    private Map<String, List<Path>> filesByDatabase = Map.of();
    private int listings;

    public DirectorySizeSource(Path dataDir, String extension, int batchSize, Duration batchPause) {
        this.dataDir = dataDir;
        this.extension = extension;
        this.batchSize = batchSize;
        this.batchPause = batchPause;
    }

    @Override
    public synchronized Map<String, Long> sizes() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            // The node made it at start: gone now means deleted (or unmounted) underneath a running node,
            // which is an error to report, not a node without databases.
            throw new NoSuchFileException(dataDir.toString(), null, "the data directory is gone (deleted or "
                    + "unmounted while the node runs): its databases cannot be served; restore it and restart the node");
        }
        FileTime modified = Files.getLastModifiedTime(dataDir); // read before listing: a later change relists
        if (!modified.equals(listedAt) || listedAtMillis - modified.toMillis() < RACY.toMillis()) {
            long now = System.currentTimeMillis();
            filesByDatabase = list();
            listedAt = modified;
            listedAtMillis = now;
        }
        Map<String, Long> sizes = new TreeMap<>();
        filesByDatabase.forEach((name, files) -> {
            long main = sizeOf(files.get(0));
            if (main >= 0) {
                long total = main;
                for (Path sidecar : files.subList(1, files.size())) {
                    total += Math.max(0, sizeOf(sidecar));
                }
                sizes.put(name, total);
            }
        });
        return sizes;
    }

    /** How many times the directory was listed; a listing is the expensive part. */
    public synchronized int listings() {
        return listings;
    }

    private Map<String, List<Path>> list() throws IOException {
        listings++;
        Map<String, List<Path>> found = new TreeMap<>();
        Map<String, List<Path>> sidecars = new TreeMap<>();
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir)) {
            for (Path entry : entries) {
                classify(entry, found, sidecars);
                if (++seen % batchSize == 0) {
                    pause();
                }
            }
        }
        found.forEach((name, files) -> files.addAll(sidecars.getOrDefault(name, List.of())));
        return found;
    }

    private void classify(Path entry, Map<String, List<Path>> found, Map<String, List<Path>> sidecars) {
        String file = entry.getFileName().toString();
        int at = file.indexOf(extension);
        if (at <= 0) {
            return;
        }
        String name = file.substring(0, at);
        if (!DatabaseNames.isValid(name)) {
            return;
        }
        String rest = file.substring(at + extension.length());
        if (rest.isEmpty()) {
            found.computeIfAbsent(name, n -> new ArrayList<>()).add(0, entry);
        } else if (rest.startsWith(".")) {
            sidecars.computeIfAbsent(name, n -> new ArrayList<>()).add(entry);
        }
    }

    /** Size of a regular file; -1 when it is gone or not a regular file. */
    private static long sizeOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.size() : -1;
        } catch (IOException e) { // gone since the listing, or unreadable: not counted
            return -1;
        }
    }

    private void pause() throws InterruptedIOException {
        if (batchPause.isZero()) {
            return;
        }
        try {
            Thread.sleep(batchPause.toMillis(), batchPause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("database size scan interrupted");
        }
    }
}
