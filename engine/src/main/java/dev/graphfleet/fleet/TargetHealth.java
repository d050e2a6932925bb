package dev.graphfleet.fleet;

import java.util.Locale;
import java.util.Objects;

/**
 * What the load balancer thinks of one instance in its target group.
 *
 * @param reason the load balancer's reason code (e.g. {@code Target.ResponseCodeMismatch}), or null
 */
public record TargetHealth(State state, String reason, String description) {

    /** The states of an ELBv2 target, plus {@code UNKNOWN} for anything else. */
    public enum State {
        INITIAL, HEALTHY, UNHEALTHY, UNUSED, DRAINING, UNAVAILABLE, UNHEALTHY_DRAINING, UNKNOWN;

        /** Parses the wire value ({@code healthy}, {@code unhealthy.draining}, …); unknown values give UNKNOWN. */
        public static State fromWire(String value) {
            if (value == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('.', '_'));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    public TargetHealth {
        Objects.requireNonNull(state, "state");
    }

    /** Of one instance in two target groups: a state that is not healthy wins, the first when both are not. */
    public static TargetHealth worse(TargetHealth a, TargetHealth b) {
        return a.state() == State.HEALTHY ? b : a;
    }

    public static TargetHealth of(State state) {
        return new TargetHealth(state, null, null);
    }
}
