package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where one shared repository is on its way to being served.
 *
 * @param phase   e.g. {@code download}, {@code verify}, {@code attach}, {@code attached}, {@code failed}
 * @param version the repository version served (null before the first attach)
 * @param attempt 1 for the first try; grows with each retry
 * @param error   the last failure, or null
 * @param versionCreatedAt when {@code version} was published (its manifest's {@code created_at}), or null
 * @param target  the version the repository was last asked to move to (refresh in place), or null when never
 *                asked; while it differs from {@code version} the move is running (or failed: see {@code phase})
 * @param pinned  true when a refresh named this version: the store poller does not move it; null on nodes
 *                that cannot refresh
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentProgress(String repository, String phase, String version, long bytesDone, long bytesTotal,
                                 int attempt, String error, Instant updatedAt, Instant versionCreatedAt,
                                 String target, Boolean pinned) {

    /** Progress of a repository that is not refreshed in place. */
    public AttachmentProgress(String repository, String phase, String version, long bytesDone, long bytesTotal,
                              int attempt, String error, Instant updatedAt, Instant versionCreatedAt) {
        this(repository, phase, version, bytesDone, bytesTotal, attempt, error, updatedAt, versionCreatedAt, null, null);
    }

    /** Progress of a version whose publication time is unknown. */
    public AttachmentProgress(String repository, String phase, String version, long bytesDone, long bytesTotal,
                              int attempt, String error, Instant updatedAt) {
        this(repository, phase, version, bytesDone, bytesTotal, attempt, error, updatedAt, null);
    }
}
