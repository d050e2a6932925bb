package dev.graphfleet.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <data>/fleet-state.json}: what the local fleet must remember across its restarts, today the versions a
 * rollback pinned (so a restarted fleet comes back on them, not on the newest). Unlike {@code local-fleet.json}
 * (the running fleet's address book, deleted at stop) it stays. Written whole to a temporary file, flushed, then
 * moved over the old one, so a crash leaves the old state or the new, never half of one; a file that does not
 * parse stops the start with its name and the fix rather than silently forgetting a rollback.
 */
record LocalFleetState(Map<String, String> pinnedVersions, Instant updatedAt) {

    static final String NAME = "fleet-state.json";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    LocalFleetState {
        pinnedVersions = pinnedVersions == null ? Map.of() : Map.copyOf(new TreeMap<>(pinnedVersions));
    }

    static final LocalFleetState EMPTY = new LocalFleetState(Map.of(), null);

    /** The state in {@code dataDir}, empty when the fleet never saved one. */
    static LocalFleetState read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.exists(file)) {
            return EMPTY;
        }
        LocalFleetState state;
        try {
            state = JSON.readValue(file.toFile(), LocalFleetState.class);
        } catch (IOException e) {
            throw corrupt(file, e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        if (state == null) {
            throw corrupt(file, "it is empty");
        }
        state.pinnedVersions().forEach((repository, version) -> {
            if (!SampleRepositories.NAMES.contains(repository) || !Version.isValid(version)) {
                throw corrupt(file, "pinned_versions has " + repository + ": " + version + ", which is not one of "
                        + SampleRepositories.NAMES + " at a version like v2");
            }
            RepositoryName.of(repository);
        });
        return state;
    }

    private static IllegalStateException corrupt(Path file, String why) {
        return new IllegalStateException(file + " is not a valid local fleet state (" + why + "). It holds the "
                + "versions a rollback pinned: fix it (e.g. {\"pinned_versions\": {\"sec\": \"v1\"}}), or delete it to "
                + "start every replica on the newest version of each repository");
    }

    LocalFleetState withPinned(Map<String, String> pinned, Instant now) {
        return new LocalFleetState(pinned, now);
    }

    void write(Path dataDir) {
        Path target = dataDir.resolve(NAME);
        Path temp = dataDir.resolve(NAME + ".tmp");
        try {
            byte[] bytes = JSON.writeValueAsBytes(this);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true); // on disk before it replaces the old state
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local fleet's state " + target + ": " + e.getMessage(), e);
        }
    }
}
