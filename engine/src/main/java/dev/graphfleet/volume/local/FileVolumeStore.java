package dev.graphfleet.volume.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Collections;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The local fleet's simulated volumes in {@code <data>/volumes.json}, shared by the process running the fleet
 * (its nodes report the filesystem sizes) and the volume monitor (which modifies the volumes and grows the
 * filesystems). Writes replace the file atomically, so a reader sees a whole version; an update holds an
 * exclusive lock on {@code volumes.json.lock} from read to write, so two processes never lose each other's
 * change. The file also records the timings the fleet simulates, which every process then applies.
 */
public final class FileVolumeStore implements SimulatedVolumeStore {

    public static final String NAME = "volumes.json";

    /** File locks belong to the whole JVM (a second lock in one process fails): threads queue here first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's content. */
    record Document(String note, SimulatedTimings timings, Map<String, SimulatedVolume> volumes) {
        static final String NOTE = "Simulated capacities of the local fleet: not real disks. Usage is the bytes "
                + "under each node's data directory against filesystem_gb.";

        Document {
            Objects.requireNonNull(timings, "timings");
            volumes = Collections.unmodifiableMap(volumes == null ? new TreeMap<>() : new TreeMap<>(volumes));
        }
    }

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock inProcess;

    private FileVolumeStore(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        this.file = absolute.resolve(NAME);
        this.lockFile = absolute.resolve(NAME + ".lock");
        this.inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    }

    /**
     * The store in {@code dir} with {@code timings}: created if there is none, else opened with its volumes
     * kept (a restarted fleet keeps the sizes it was expanded to) and its timings replaced.
     */
    public static FileVolumeStore create(Path dir, SimulatedTimings timings) {
        FileVolumeStore store = new FileVolumeStore(dir);
        store.locked(current -> new Document(Document.NOTE, timings,
                current == null ? Map.of() : current.volumes()));
        return store;
    }

    /** The store in {@code dir} if a fleet created one there. */
    public static Optional<FileVolumeStore> open(Path dir) {
        FileVolumeStore store = new FileVolumeStore(dir);
        return Files.isRegularFile(store.file) ? Optional.of(store) : Optional.empty();
    }

    public Path file() {
        return file;
    }

    /** The timings the fleet that created the store simulates. */
    public SimulatedTimings timings() {
        return readDocument().timings();
    }

    @Override
    public Map<String, SimulatedVolume> read() {
        return readDocument().volumes();
    }

    @Override
    public void update(UnaryOperator<Map<String, SimulatedVolume>> change) {
        locked(current -> {
            if (current == null) {
                throw new UncheckedIOException(new NoSuchFileException(file + " is gone (the local fleet creates it)"));
            }
            return new Document(current.note(), current.timings(), change.apply(Map.copyOf(current.volumes())));
        });
    }

    private Document readDocument() {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no simulated volumes at " + file + ": start the local fleet (graphfleet "
                    + "local) to create them", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Document parse(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Document.class);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(file + " is not a valid simulated volume file (" + e.getMessage()
                    + "); delete it and restart the local fleet to start over", e instanceof IOException io
                    ? io : new IOException(e));
        }
    }

    /** Reads the document (null when there is none), writes what {@code change} makes of it, under both locks. */
    private void locked(UnaryOperator<Document> change) {
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Document current = Files.isRegularFile(file) ? parse(Files.readAllBytes(file)) : null;
            write(change.apply(current));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private void write(Document document) throws IOException {
        Path temp = file.resolveSibling(NAME + ".tmp");
        Files.write(temp, JSON.writeValueAsBytes(document));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
