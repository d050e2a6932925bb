package dev.graphfleet.console.service;

import java.time.Duration;
import java.time.Instant;

/**
 * How the last refresh went.
 *
 * @param finishedAt          when the read ended
 * @param took                how long reading the source (and node details) took
 * @param consecutiveFailures reads in a row where the source could not be read; 0 after a good read
 * @param nextIn              the wait before the next scheduled read (grows while failing)
 */
public record RefreshStatus(Instant finishedAt, Duration took, int consecutiveFailures, Duration nextIn) {

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
