package dev.graphfleet.volume.aws;

import dev.graphfleet.fleet.aws.Ec2Inventory;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.volume.sync.Ec2Volume;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * What EC2 says about the volumes a registry sync compares: the data volumes of the environment's running fleet
 * instances, and every volume the registry names.
 *
 * <p>The fleet's volumes are found by their attachments (instance found by tags, device one of the data devices),
 * not by tags on the volumes: the instances are what the fleet tags reliably, and a volume created by hand or from
 * a snapshot may carry none. Registered ids are looked up with a {@code volume-id} filter, so a deleted volume is
 * simply missing instead of failing the call. Both are batched (200 values per filter) and read to the last page.
 */
public final class Ec2FleetVolumes {

    /** Values per filter in one DescribeVolumes call (the API allows 200). */
    static final int BATCH = 200;
    /** Results per page (the API allows 5 to 500 with filters). */
    static final int PAGE = 500;

    private final Ec2Client ec2;
    private final Ec2Inventory inventory;
    private final List<String> dataDevices;

    public Ec2FleetVolumes(Ec2Client ec2, List<String> dataDevices) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
        this.inventory = new Ec2Inventory(ec2);
        this.dataDevices = List.copyOf(dataDevices);
    }

    /**
     * @param environment   the fleet's {@code Environment} tag
     * @param service       the fleet's {@code Service} tag; null: any
     * @param registeredIds the volume ids in the registry
     */
    public List<Ec2Volume> volumes(String environment, String service, Collection<String> registeredIds) {
        Map<String, Ec2Volume> found = new LinkedHashMap<>();
        List<String> instances = inventory.instances(environment, service).stream().map(DiscoveredInstance::id).toList();
        describe(instances, batch -> List.of(filter("attachment.instance-id", batch),
                filter("attachment.device", dataDevices)))
                .forEach(v -> found.put(v.volumeId(), toEc2Volume(v, true)));
        List<String> rest = registeredIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        describe(rest, batch -> List.of(filter("volume-id", batch)))
                .forEach(v -> found.putIfAbsent(v.volumeId(), toEc2Volume(v, false)));
        return List.copyOf(found.values());
    }

    private List<Volume> describe(List<String> values, Function<List<String>, List<Filter>> filters) {
        List<Volume> volumes = new ArrayList<>();
        for (int from = 0; from < values.size(); from += BATCH) {
            List<String> batch = values.subList(from, Math.min(values.size(), from + BATCH));
            ec2.describeVolumesPaginator(DescribeVolumesRequest.builder().filters(filters.apply(batch))
                    .maxResults(PAGE).build()).volumes().forEach(volumes::add);
        }
        return volumes;
    }

    /** A volume counts as attached while attaching or attached; detaching or detached is on its way off. */
    static Ec2Volume toEc2Volume(Volume v, boolean fleetData) {
        String instance = v.attachments().stream()
                .filter(a -> "attached".equals(a.stateAsString()) || "attaching".equals(a.stateAsString()))
                .map(VolumeAttachment::instanceId).findFirst().orElse(null);
        long size = v.size() == null ? 0 : v.size();
        return new Ec2Volume(v.volumeId(), size, instance, fleetData && instance != null);
    }

    private static Filter filter(String name, List<String> values) {
        return Filter.builder().name(name).values(values).build();
    }
}
