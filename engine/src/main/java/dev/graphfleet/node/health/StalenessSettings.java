package dev.graphfleet.node.health;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How old a shared node's data may be before {@code /health} takes it out of service
 * ({@code node.staleness}).
 *
 * @param maxAge        the most a served version may be behind its publication; null means off
 * @param peers         the other replicas of the group (their API base URLs): a stale node answers 503
 *                      only while one of them is fresh and healthy
 * @param checkInterval how often the peers' {@code /health} is read
 */
public record StalenessSettings(Duration maxAge, List<URI> peers, Duration checkInterval) {

    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(10);
    public static final StalenessSettings OFF = new StalenessSettings(null, List.of(), DEFAULT_CHECK_INTERVAL);

    public StalenessSettings {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            maxAge = null;
        }
        peers = peers == null ? List.of() : List.copyOf(peers);
        Objects.requireNonNull(checkInterval, "checkInterval");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("node.staleness.peer_check_s must be positive, got " + checkInterval);
        }
    }

    public boolean enabled() {
        return maxAge != null;
    }
}
