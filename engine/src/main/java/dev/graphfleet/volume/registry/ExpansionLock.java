package dev.graphfleet.volume.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to modify one volume, held by one monitor until it is released or {@code expiresAt} passes
 * (so a monitor that dies never blocks the volume for good).
 *
 * @param token unique per acquisition: releasing checks it, so a monitor whose lock lapsed and was taken
 *              over cannot release its successor's
 */
public record ExpansionLock(String volumeId, String owner, String token, Instant expiresAt) {
    public ExpansionLock {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
