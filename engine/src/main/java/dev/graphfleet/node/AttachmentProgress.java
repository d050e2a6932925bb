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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentProgress(String repository, String phase, String version, long bytesDone, long bytesTotal,
                                 int attempt, String error, Instant updatedAt, Instant versionCreatedAt) {

    /** Progress of a version whose publication time is unknown. */
    public AttachmentProgress(String repository, String phase, String version, long bytesDone, long bytesTotal,
                              int attempt, String error, Instant updatedAt) {
        this(repository, phase, version, bytesDone, bytesTotal, attempt, error, updatedAt, null);
    }
}
