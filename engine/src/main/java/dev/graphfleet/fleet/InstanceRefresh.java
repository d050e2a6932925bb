package dev.graphfleet.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The latest instance refresh of a replica group.
 *
 * @param status          {@code Pending}, {@code InProgress}, {@code Successful}, {@code Failed},
 *                        {@code Cancelling}, {@code Cancelled}, {@code RollbackInProgress}, … as the service says
 * @param percentComplete 0..100, or null when not reported
 * @param statusReason    why it is in that status, or null
 */
public record InstanceRefresh(String id, String status, Integer percentComplete, Instant startedAt, Instant endedAt,
                              String statusReason) {

    public InstanceRefresh {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Still replacing instances (or about to). */
    @JsonIgnore
    public boolean isActive() {
        String s = status.toLowerCase(Locale.ROOT);
        return s.equals("pending") || s.equals("inprogress") || s.equals("cancelling")
                || s.equals("rollbackinprogress") || s.equals("baking");
    }
}
