package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** /proc/sys/kernel/random/boot_id, which Linux draws afresh at every boot. */
final class LinuxBootId {

    static final LinuxBootId CURRENT = new LinuxBootId(Path.of("/proc/sys/kernel/random/boot_id"));

    private final Optional<String> id;

    private LinuxBootId(Path file) {
        Optional<String> read;
        try {
            String text = Files.readString(file).strip();
            read = text.isEmpty() || text.contains(" ") ? Optional.empty() : Optional.of(text);
        } catch (IOException | SecurityException e) {
            read = Optional.empty();
        }
        id = read;
    }

    Optional<String> get() {
        return id;
    }
}
