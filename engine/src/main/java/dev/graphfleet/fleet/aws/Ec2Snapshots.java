package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.snapshot.DataSnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EBS snapshots of data volumes: is the volume encrypted, take one (tagged), read one, delete one. */
public final class Ec2Snapshots {

    private final Ec2Client ec2;

    public Ec2Snapshots(Ec2Client ec2) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
    }

    /** Whether the volume is encrypted; empty when it does not exist. */
    public Optional<Boolean> volumeEncrypted(String volumeId) {
        return ec2.describeVolumes(DescribeVolumesRequest.builder().volumeIds(volumeId).build()).volumes().stream()
                .findFirst().map(v -> Boolean.TRUE.equals(v.encrypted()));
    }

    /** Starts a snapshot of the volume with these tags (set at creation: never an untagged snapshot); its id. */
    public String create(String volumeId, String description, Map<String, String> tags) {
        return ec2.createSnapshot(CreateSnapshotRequest.builder().volumeId(volumeId).description(description)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SNAPSHOT)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                                .toList()).build())
                .build()).snapshotId();
    }

    /** The snapshot as it is now; empty when it is gone. */
    public Optional<DataSnapshot> describe(String snapshotId) {
        return ec2.describeSnapshots(DescribeSnapshotsRequest.builder().snapshotIds(snapshotId).build()).snapshots()
                .stream().findFirst().map(Ec2Inventory::snapshot);
    }

    public void delete(String snapshotId) {
        ec2.deleteSnapshot(DeleteSnapshotRequest.builder().snapshotId(snapshotId).build());
    }
}
