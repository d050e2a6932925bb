package dev.graphfleet.pool;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseNames;
import dev.graphfleet.graph.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the pool needs to serve one database.
 *
 * @param maxConnections most connections open at once (the tier's {@code connection_pool_size})
 * @param connectionTtl  a connection older than this is replaced (30 min; 24 h for shared
 *                       repositories, whose re-opening is expensive under load)
 */
public record DatabaseSpec(String name, Path file, DatabaseSettings database, ConnectionSettings connection,
                           int maxConnections, Duration connectionTtl) {

    public DatabaseSpec {
        DatabaseNames.requireValid(name);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("connection_pool_size for " + name + " must be at least 1, got " + maxConnections);
        }
        if (connectionTtl == null || connectionTtl.isZero() || connectionTtl.isNegative()) {
            throw new IllegalArgumentException("connection TTL for " + name + " must be positive");
        }
    }

    public boolean readOnly() {
        return database.readOnly();
    }
}
