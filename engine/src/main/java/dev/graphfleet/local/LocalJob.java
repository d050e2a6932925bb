package dev.graphfleet.local;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One operation on the local fleet run by its control endpoint: a snapshot, a rolling refresh, a
 * rollback or a replica restart.
 *
 * @param id       a full random UUID
 * @param kind     {@code snapshot}, {@code refresh}, {@code rollback} or {@code restart}
 * @param target   what it acts on, e.g. {@code sec} or {@code replica-2}
 * @param progress every step reported so far, in order
 * @param result   what it ended with (e.g. {@code sec v3}), once succeeded
 * @param error    why it failed, naming the step, once failed
 */
public record LocalJob(String id, String kind, String target, Status status, Instant startedAt, Instant finishedAt,
                       List<String> progress, String result, String error) {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public LocalJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        progress = progress == null ? List.of() : List.copyOf(progress);
    }

    @JsonIgnore
    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    /** One line for people: {@code snapshot sec (job 1b2c…)}. */
    public String describe() {
        return kind + (target == null ? "" : " " + target) + " (job " + id + ")";
    }
}
