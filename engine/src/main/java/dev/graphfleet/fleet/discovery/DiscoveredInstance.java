package dev.graphfleet.fleet.discovery;

import dev.graphfleet.fleet.OrderedMaps;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A running instance found by its tags.
 *
 * @param role         the {@code LadybugRole} tag as found (writer, shared_master, shared_replica)
 * @param state        EC2 state, e.g. {@code running}
 * @param privateIp    its private address, or null
 * @param dataVolumeId the volume at {@code /dev/xvdf} or {@code /dev/sdf}, or null
 */
public record DiscoveredInstance(String id, String role, String state, String instanceType, String privateIp,
                                 Instant launchedAt, String dataVolumeId, Map<String, String> tags) {

    public DiscoveredInstance {
        Objects.requireNonNull(id, "id");
        tags = OrderedMaps.copyOf(tags);
    }
}
