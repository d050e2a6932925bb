package dev.graphfleet.volume.local;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated modification stays in each state, and how long after one EBS refuses the next.
 *
 * @param modifyingFor  "modifying": the device still shows the old size
 * @param optimizingFor "optimizing": the new size is usable, performance settles
 * @param cooldown      after a modification starts, another is refused for this long (EBS: 6 h)
 */
public record SimulatedTimings(Duration modifyingFor, Duration optimizingFor, Duration cooldown) {

    /**
     * The local fleet's compressed time: modifying 2 s, optimizing 5 s, cooldown 60 s, so an expansion is seen
     * through in seconds and can be repeated a minute later.
     */
    public static final SimulatedTimings LOCAL_FLEET =
            new SimulatedTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60));

    public SimulatedTimings {
        requireNotNegative("modifying time", modifyingFor);
        requireNotNegative("optimizing time", optimizingFor);
        requireNotNegative("modification cooldown", cooldown);
    }

    public SimulatedTimings withCooldown(Duration value) {
        return new SimulatedTimings(modifyingFor, optimizingFor, value);
    }

    private static void requireNotNegative(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException("the simulated " + what + " must not be negative, got " + value);
        }
    }
}
