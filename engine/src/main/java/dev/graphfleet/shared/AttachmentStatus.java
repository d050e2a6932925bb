package dev.graphfleet.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One repository's attachment, as {@code /attachments} and the console show it.
 *
 * @param attempts    tries so far in the current round (each round retries with growing waits)
 * @param phaseTimes  how long each finished phase of the last attempt took
 * @param versionCreatedAt when {@code version} was published, or null when unknown
 */
public record AttachmentStatus(String repository, AttachPhase phase, String version, int attempts, String lastError,
                               long bytesDone, long bytesTotal, Map<AttachPhase, Duration> phaseTimes,
                               Instant updatedAt, Instant nextRetryAt, Instant versionCreatedAt) {
}
