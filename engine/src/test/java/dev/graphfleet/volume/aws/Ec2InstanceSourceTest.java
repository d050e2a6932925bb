package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ec2InstanceSourceTest {

    static DiscoveredInstance found(String id, String role, String ip) {
        return new DiscoveredInstance(id, role, "running", "r7g.large", ip, Instant.EPOCH, "vol-" + id, Map.of());
    }

    @Test
    void replicasAreWatchedAtDataAndTheOthersAtTheLadybugMount() {
        WatchedInstance writer = Ec2InstanceSource.toFleetInstance(found("i-w", "writer", "10.0.1.5"), 8001);
        WatchedInstance replica = Ec2InstanceSource.toFleetInstance(found("i-r", "shared_replica", "10.0.2.7"), 8001);

        assertThat(writer).isEqualTo(new WatchedInstance("i-w", "writer", URI.create("http://10.0.1.5:8001"),
                "/mnt/lbug-data"));
        assertThat(replica.dataMount()).isEqualTo("/data");
        assertThat(replica.metricsEndpoint()).isEqualTo(URI.create("http://10.0.2.7:8001"));
    }

    @Test
    void anInstanceWithoutAPrivateAddressIsReadFromCloudWatchOnly() {
        assertThat(Ec2InstanceSource.toFleetInstance(found("i-x", "writer", null), 8001).metricsEndpoint()).isNull();
    }
}
