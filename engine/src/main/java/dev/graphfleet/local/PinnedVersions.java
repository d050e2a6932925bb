package dev.graphfleet.local;

import dev.graphfleet.repo.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;

/**
 * The versions a rollback pinned, per repository: replicas (re)start on them instead of the newest. Kept in
 * {@code fleet-state.json} ({@link LocalFleetState}), so they survive a restart of the fleet. Thread-safe.
 */
final class PinnedVersions {

    private final Path dataDir;
    private final Map<String, Version> pinned = new ConcurrentSkipListMap<>();

    private PinnedVersions(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The pins saved in {@code dataDir}; a corrupt file stops the start here. */
    static PinnedVersions read(Path dataDir) {
        PinnedVersions pins = new PinnedVersions(dataDir);
        LocalFleetState.read(dataDir).pinnedVersions().forEach((repository, version) ->
                pins.pinned.put(repository, Version.parse(version)));
        return pins;
    }

    Optional<Version> get(String repository) {
        return Optional.ofNullable(pinned.get(repository));
    }

    boolean isEmpty() {
        return pinned.isEmpty();
    }

    void forEach(BiConsumer<String, Version> action) {
        pinned.forEach(action);
    }

    /** Pins {@code repository} at {@code version} and saves the pins. */
    void pin(String repository, Version version) {
        pinned.put(repository, version);
        save();
    }

    /** Stops pinning {@code repository} (saved when it was pinned). */
    void unpin(String repository) {
        if (pinned.remove(repository) != null) {
            save();
        }
    }

    /** Runs {@code action} with {@code repository} pinned at {@code version}, then puts back what was pinned before. */
    void whilePinned(String repository, Version version, Runnable action) {
        Version previous = pinned.put(repository, version);
        try {
            action.run();
        } finally {
            if (previous == null) {
                pinned.remove(repository);
            } else {
                pinned.put(repository, previous);
            }
        }
    }

    /** The child's {@code --pin REPOSITORY=VERSION} arguments. */
    List<String> args() {
        List<String> args = new ArrayList<>();
        pinned.forEach((repository, version) -> args.addAll(List.of("--pin", repository + "=" + version)));
        return args;
    }

    /** Repository → version as text, as {@code local-fleet.json} and {@code fleet-state.json} hold them. */
    Map<String, String> asText() {
        Map<String, String> text = new TreeMap<>();
        pinned.forEach((repository, version) -> text.put(repository, version.toString()));
        return Map.copyOf(text);
    }

    /** The durable part: written before the fleet says it is done, so a restart right after keeps it. */
    private void save() {
        LocalFleetState.EMPTY.withPinned(asText(), Instant.now()).write(dataDir);
    }

    @Override
    public String toString() {
        return pinned.toString();
    }
}
