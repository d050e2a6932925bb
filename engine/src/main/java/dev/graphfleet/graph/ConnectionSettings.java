package dev.graphfleet.graph;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Per-connection settings, applied when a connection is created.
 *
 * @param queryTimeout  the engine interrupts a query running longer; {@link Duration#ZERO} for none
 * @param spillToDisk   let large operators spill to the data volume (ignored on read-only databases,
 *                      where the engine refuses the setting)
 * @param homeDirectory the engine's home directory, on the data volume; null leaves the default
 */
public record ConnectionSettings(Duration queryTimeout, boolean spillToDisk, Path homeDirectory) {

    public ConnectionSettings {
        if (queryTimeout == null || queryTimeout.isNegative()) {
            throw new IllegalArgumentException("query timeout must be zero or positive");
        }
    }
}
