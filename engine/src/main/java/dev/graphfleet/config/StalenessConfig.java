package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code node.staleness}: how old a shared node's data may be before {@code /health} takes it out of
 * service. {@code max_age_s} 0 (the default) is off. A stale node answers 503 only while one of its
 * {@code peers} (the other replicas' API URLs) serves fresh data, so a group is never drained at once.
 */
public record StalenessConfig(Integer maxAgeS, List<URI> peers, Integer peerCheckS) {

    public static final int DEFAULT_PEER_CHECK_S = 10;
    public static final StalenessConfig DEFAULTS = new StalenessConfig(null, null, null);

    public StalenessConfig {
        maxAgeS = orDefault(maxAgeS, 0);
        peers = peers == null ? List.of() : ConfigMaps.copy(peers);
        peerCheckS = orDefault(peerCheckS, DEFAULT_PEER_CHECK_S);
    }

    /** The maximum age, or null when off. */
    public Duration maxAge() {
        return maxAgeS > 0 ? Duration.ofSeconds(maxAgeS) : null;
    }

    public Duration peerCheck() {
        return Duration.ofSeconds(peerCheckS);
    }
}
