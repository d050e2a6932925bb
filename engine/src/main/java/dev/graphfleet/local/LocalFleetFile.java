package dev.graphfleet.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <data>/local-fleet.json}: how the console, {@code fleet status} and the volume monitor
 * find a running local fleet (its nodes, their URLs and per-run API keys). Written atomically and
 * readable by its owner only, since it holds the keys; deleted when the fleet stops.
 */
public record LocalFleetFile(long pid, Instant startedAt, List<LocalNode> nodes, Map<String, String> pinnedVersions,
                             LocalControl.Endpoint control, List<NodeProcessState> processes) {

    public LocalFleetFile {
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    /** A file without a control endpoint (a fleet of an older version). */
    public LocalFleetFile(long pid, Instant startedAt, List<LocalNode> nodes, Map<String, String> pinnedVersions) {
        this(pid, startedAt, nodes, pinnedVersions, null, List.of());
    }

    /** A file without the supervisor's view of the processes (a fleet of an older version). */
    public LocalFleetFile(long pid, Instant startedAt, List<LocalNode> nodes, Map<String, String> pinnedVersions,
                          LocalControl.Endpoint control) {
        this(pid, startedAt, nodes, pinnedVersions, control, List.of());
    }

    public static final String NAME = "local-fleet.json";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path dataDir) {
        Path target = dataDir.resolve(NAME);
        Path temp = dataDir.resolve(NAME + ".tmp");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, JSON.writeValueAsBytes(this));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The running fleet's file, if there is one and its process is alive. */
    public static Optional<LocalFleetFile> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LocalFleetFile fleet = JSON.readValue(file.toFile(), LocalFleetFile.class);
            return ProcessHandle.of(fleet.pid()).filter(ProcessHandle::isAlive).map(p -> fleet);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // a stale file is recognised by its dead pid
        }
    }
}
