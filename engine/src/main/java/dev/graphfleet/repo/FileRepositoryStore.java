package dev.graphfleet.repo;

import dev.graphfleet.repo.RepositoryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A store in a local (or mounted) directory, {@code file:///dir}. Objects are files at their key;
 * every write goes to a temporary name in the same directory, is flushed, then renamed, so a
 * reader sees a whole object or none.
 */
public final class FileRepositoryStore extends AbstractRepositoryStore {

    private static final String TEMP_MARK = ".tmp-";

    private final Path root;

    public FileRepositoryStore(StoreUri.Local uri) {
        this(uri, Clock.systemUTC());
    }

    public FileRepositoryStore(StoreUri.Local uri, Clock clock) {
        super(uri, clock);
        this.root = uri.directory();
    }

    private Path path(String key) {
        return root.resolve(key);
    }

    @Override
    protected List<StoredObject> listObjects(String relativePrefix) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new RepositoryException(Reason.NOT_FOUND, "store directory " + root
                    + " does not exist; create it or check the --store / store.uri setting");
        }
        List<StoredObject> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (key.startsWith(relativePrefix) && !key.contains(TEMP_MARK) && Files.isRegularFile(file)) {
                    objects.add(new StoredObject(key, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return objects;
    }

    @Override
    protected Optional<byte[]> readSmall(String key, int maxBytes) throws IOException {
        Path file = path(key);
        try {
            if (Files.size(file) > maxBytes) {
                throw new RepositoryException(Reason.INVALID_MANIFEST, describe(key) + " is larger than "
                        + maxBytes + " bytes; it is not a manifest");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    protected Optional<Long> sizeOf(String key) throws IOException {
        try {
            return Optional.of(Files.size(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void putFile(String key, Path file, long size) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + TEMP_MARK + UUID.randomUUID());
        try {
            Files.copy(file, temp);
            forceAndMove(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    protected void putBytes(String key, byte[] bytes) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + TEMP_MARK + UUID.randomUUID());
        try {
            Files.write(temp, bytes);
            forceAndMove(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void forceAndMove(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileSync.directory(target.getParent());
    }

    @Override
    protected InputStream openObjectRange(String key, long offset, long length) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RepositoryException(Reason.NOT_FOUND, describe(key) + " does not exist");
        } catch (AccessDeniedException e) {
            throw new RepositoryException(Reason.ACCESS, "cannot read " + describe(key) + ": permission denied");
        }
        long size = channel.size();
        if (size < offset + length) {
            channel.close(); // the size is read first: a closed channel has none to tell
            throw new RepositoryException(Reason.INVALID_MANIFEST, describe(key) + " is " + size
                    + " bytes, shorter than its manifest says");
        }
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
