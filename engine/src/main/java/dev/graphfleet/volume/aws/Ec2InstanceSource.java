package dev.graphfleet.volume.aws;

import dev.graphfleet.fleet.aws.Ec2Inventory;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.volume.monitor.InstanceSource;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The running fleet instances of one environment (EC2 tags, all pages), each with its node API at
 * {@code http://PRIVATE_IP:PORT} and its data mount by role: replicas mount {@code /data}, the others
 * {@code /mnt/lbug-data} (the original looked at /mnt/lbug-data only and so never saw replicas).
 */
public final class Ec2InstanceSource implements InstanceSource {

    static final String REPLICA_MOUNT = "/data";

    private final Ec2Inventory inventory;
    private final String environment;
    private final String service;
    private final int apiPort;

    public Ec2InstanceSource(Ec2Inventory inventory, String environment, String service, int apiPort) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.service = service;
        this.apiPort = apiPort;
    }

    @Override
    public List<WatchedInstance> instances() {
        return inventory.instances(environment, service).stream().map(i -> toFleetInstance(i, apiPort)).toList();
    }

    static WatchedInstance toFleetInstance(DiscoveredInstance i, int apiPort) {
        URI api = i.privateIp() == null ? null : URI.create("http://" + i.privateIp() + ":" + apiPort);
        String mount = "shared_replica".equals(i.role()) ? REPLICA_MOUNT : WatchedInstance.DEFAULT_DATA_MOUNT;
        return new WatchedInstance(i.id(), i.role(), api, mount);
    }
}
