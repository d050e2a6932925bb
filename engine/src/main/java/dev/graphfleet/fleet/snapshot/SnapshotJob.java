package dev.graphfleet.fleet.snapshot;

import dev.graphfleet.fleet.FleetTags;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One snapshot job: quiesce the shared master, snapshot its data volume, tag the snapshot.
 *
 * @param id          a full random UUID: two jobs started in the same second never share an id
 *                    (the original keyed runs on the date and 8 characters of a run id)
 * @param requestedBy who or what asked (a user, a schedule), for the record
 * @param status      where the job is
 * @param snapshotId  the snapshot it made, once known
 * @param error       why it failed, or null
 */
public record SnapshotJob(UUID id, String graphId, String environment, String requestedBy, Instant startedAt,
                          Status status, Instant finishedAt, String snapshotId, String error) {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public SnapshotJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    SnapshotJob finished(Status outcome, Instant at, String snapshot, String failure) {
        return new SnapshotJob(id, graphId, environment, requestedBy, startedAt, outcome, at, snapshot, failure);
    }

    /** The snapshot's name: readable, and unique because it ends with the job id. */
    public String snapshotName() {
        return "graphfleet-" + environment + "-" + graphId + "-" + STAMP.format(startedAt) + "-" + id;
    }

    /**
     * The tags the snapshot gets, {@code Service} always: {@link SnapshotHistory} finds it by GraphId and
     * Environment. {@code service} null or blank is {@link FleetTags#DEFAULT_SERVICE}.
     */
    public Map<String, String> snapshotTags(String service) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(FleetTags.NAME, snapshotName());
        tags.put(FleetTags.GRAPH_ID, graphId);
        tags.put(FleetTags.ENVIRONMENT, environment);
        tags.put(FleetTags.SERVICE, service == null || service.isBlank() ? FleetTags.DEFAULT_SERVICE : service);
        tags.put(FleetTags.JOB_ID, id.toString());
        return tags;
    }
}
