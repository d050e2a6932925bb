package dev.graphfleet.repo;

import java.util.Optional;

/**
 * Which boot of the machine this is. What a process wrote reaches the page cache at once and survives the
 * process crashing; only a power loss or a kernel crash (a new boot) can lose it. So a file written in this
 * boot needs no flush to be read back correctly in this boot, and a file from an earlier boot whose flush
 * was not recorded is hashed once again. Where the boot cannot be told, writers flush as before.
 */
@FunctionalInterface
public interface BootId {

    /** This boot's identity, or empty when the platform does not say (then every write is flushed). */
    Optional<String> current();

    /** Linux's boot id, read once; empty elsewhere. */
    static BootId system() {
        return LinuxBootId.CURRENT::get;
    }

    /** No boot id: every downloaded file is flushed before it is installed. */
    static BootId unknown() {
        return Optional::empty;
    }

    /** A fixed boot id (tests: "the machine rebooted"). */
    static BootId of(String id) {
        Optional<String> boot = Optional.of(id);
        return () -> boot;
    }
}
