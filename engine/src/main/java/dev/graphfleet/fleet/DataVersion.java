package dev.graphfleet.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The data an instance serves: the EBS snapshot its data volume was created from ({@code snap-…}),
 * or the repository versions a node attached ({@code sec@v3 industry@v2}).
 *
 * @param id        the snapshot id or the repository versions
 * @param createdAt when that data was taken, or null when unknown
 * @param age       {@code createdAt} to the fleet snapshot's time, or null when unknown
 * @param stale     the node said its data is older than its maximum staleness ({@code /health} {@code stale});
 *                  null when it did not say (no maximum, or not a node)
 */
public record DataVersion(String id, Instant createdAt, Duration age, Boolean stale) {

    public DataVersion {
        Objects.requireNonNull(id, "id");
    }

    /** A version nobody judged stale or fresh. */
    public DataVersion(String id, Instant createdAt, Duration age) {
        this(id, createdAt, age, null);
    }

    public DataVersion withStale(Boolean isStale) {
        return new DataVersion(id, createdAt, age, isStale);
    }

    /** Whether the node said it is stale. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isStale() {
        return Boolean.TRUE.equals(stale);
    }

    /** A version seen at {@code seenAt}: its age is measured from its creation to then (never negative). */
    public static DataVersion of(String id, Instant createdAt, Instant seenAt) {
        Duration age = createdAt == null || seenAt == null ? null
                : Duration.between(createdAt, seenAt).isNegative() ? Duration.ZERO : Duration.between(createdAt, seenAt);
        return new DataVersion(id, createdAt, age);
    }

    public static DataVersion unknownAge(String id) {
        return new DataVersion(id, null, null);
    }
}
