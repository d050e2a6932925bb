package dev.graphfleet.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local store of repository versions ({@code <root>/<name>/<version>.kuzu}, current = the file
 * named in {@code <name>/CURRENT}) copied into a cache on fetch, with a switch to fail fetches.
 */
final class VersionedDirectorySource implements RepositorySource {

    private final Path root;
    private final Path cache;
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    VersionedDirectorySource(Path root, Path cache) {
        this.root = root;
        this.cache = cache;
    }

    void failNext(String name, int times) {
        failuresLeft.put(name, new AtomicInteger(times));
    }

    void publish(String name, String version, Path databaseFile) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.copy(databaseFile, dir.resolve(version + ".kuzu"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("CURRENT"), version);
    }

    @Override
    public FetchedRepository fetch(String name, String wanted, Progress progress) throws Exception {
        progress.phase(AttachPhase.DOWNLOADING);
        AtomicInteger failures = failuresLeft.get(name);
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IOException("injected: store answered 500 for " + name);
        }
        String version = wanted != null ? wanted : Files.readString(root.resolve(name).resolve("CURRENT")).strip();
        Path source = root.resolve(name).resolve(version + ".kuzu");
        Path target = Files.createDirectories(cache.resolve(name)).resolve(version + ".kuzu");
        long size = Files.size(source);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        progress.bytes(size, size);
        progress.phase(AttachPhase.VERIFYING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new FetchedRepository(name, version, target, size);
    }
}
