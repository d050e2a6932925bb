package dev.graphfleet.fleet.snapshot;

import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.OrderedMaps;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An EBS snapshot of a data volume, as listed.
 *
 * @param volumeId  the volume it was taken from, or null
 * @param progress  e.g. {@code 42%}, or null
 * @param startedAt when it was taken (EBS start time); null when unknown
 * @param tags      its tags (GraphId, Environment, …)
 */
public record DataSnapshot(String id, String volumeId, State state, String progress, boolean encrypted,
                           Instant startedAt, Integer volumeSizeGb, Map<String, String> tags) {

    /** EBS snapshot states, plus UNKNOWN. */
    public enum State {
        PENDING, COMPLETED, ERROR, RECOVERABLE, RECOVERING, UNKNOWN;

        public static State fromWire(String value) {
            if (value == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }

    public DataSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        tags = OrderedMaps.copyOf(tags);
    }

    public String tag(String key) {
        return tags.get(key);
    }

    /** Tagged as a snapshot of {@code graphId} in {@code environment}. */
    public boolean isOf(String graphId, String environment) {
        return graphId.equals(tag(FleetTags.GRAPH_ID)) && environment.equals(tag(FleetTags.ENVIRONMENT));
    }

    public boolean isCompleted() {
        return state == State.COMPLETED;
    }
}
