package dev.graphfleet.fleet.aws;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/** EC2 by tags: the fleet's running instances, the snapshots their data volumes came from, and data snapshots. */
public final class Ec2Inventory {

    /** Where the data volume is attached (the original's two device names). */
    static final List<String> DATA_DEVICES = List.of("/dev/xvdf", "/dev/sdf");
    /** Values per filter in one DescribeVolumes call (the API allows 200). */
    static final int VOLUME_BATCH = 200;

    private final Ec2Client ec2;

    public Ec2Inventory(Ec2Client ec2) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
    }

    /**
     * Running instances tagged {@code Environment=environment}, {@code LadybugRole} one of writer,
     * shared_master, shared_replica, and {@code Service=service} when a service is given. All pages.
     */
    public List<DiscoveredInstance> instances(String environment, String service) {
        List<Filter> filters = new ArrayList<>();
        filters.add(filter("tag:" + FleetTags.ENVIRONMENT, environment));
        filters.add(Filter.builder().name("tag:" + FleetTags.ROLE).values(NodeType.wireNames()).build());
        filters.add(filter("instance-state-name", "running"));
        if (service != null) {
            filters.add(filter("tag:" + FleetTags.SERVICE, service));
        }
        List<DiscoveredInstance> found = new ArrayList<>();
        ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().filters(filters).build())
                .reservations().forEach(r -> r.instances().forEach(i -> found.add(instance(i))));
        return found;
    }

    /** Volume id → the snapshot it was created from ("" when none), for the volumes that exist. */
    public Map<String, String> volumeSnapshots(Collection<String> volumeIds) {
        List<String> ids = volumeIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> snapshots = new HashMap<>();
        for (int from = 0; from < ids.size(); from += VOLUME_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + VOLUME_BATCH));
            // a volume-id filter, not VolumeIds: a volume deleted meanwhile is left out instead of failing the call
            ec2.describeVolumesPaginator(DescribeVolumesRequest.builder()
                            .filters(Filter.builder().name("volume-id").values(batch).build()).build())
                    .volumes().forEach(v -> snapshots.put(v.volumeId(), snapshotOf(v)));
        }
        return snapshots;
    }

    /**
     * This account's snapshots tagged {@code Environment=environment} (and {@code GraphId=graphId}
     * when given), every state. All pages.
     */
    public List<DataSnapshot> snapshots(String environment, String graphId) {
        List<Filter> filters = new ArrayList<>();
        filters.add(filter("tag:" + FleetTags.ENVIRONMENT, environment));
        if (graphId != null) {
            filters.add(filter("tag:" + FleetTags.GRAPH_ID, graphId));
        }
        List<DataSnapshot> found = new ArrayList<>();
        ec2.describeSnapshotsPaginator(DescribeSnapshotsRequest.builder().ownerIds("self").filters(filters).build())
                .snapshots().forEach(s -> found.add(snapshot(s)));
        return found;
    }

    static DiscoveredInstance instance(Instance i) {
        Map<String, String> tags = tags(i.tags());
        return new DiscoveredInstance(i.instanceId(), tags.get(FleetTags.ROLE),
                i.state() == null ? null : i.state().nameAsString(), i.instanceTypeAsString(), i.privateIpAddress(),
                i.launchTime(), dataVolume(i.blockDeviceMappings()), tags);
    }

    static DataSnapshot snapshot(Snapshot s) {
        return new DataSnapshot(s.snapshotId(), s.volumeId(), DataSnapshot.State.fromWire(s.stateAsString()),
                s.progress(), Boolean.TRUE.equals(s.encrypted()), s.startTime(), s.volumeSize(), tags(s.tags()));
    }

    private static String dataVolume(List<InstanceBlockDeviceMapping> mappings) {
        for (String device : DATA_DEVICES) {
            for (InstanceBlockDeviceMapping m : mappings) {
                if (device.equals(m.deviceName()) && m.ebs() != null) {
                    return m.ebs().volumeId();
                }
            }
        }
        return null;
    }

    private static String snapshotOf(Volume v) {
        return v.snapshotId() == null ? "" : v.snapshotId();
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
        return map;
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
