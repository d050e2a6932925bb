package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.refresh.TemplateEdit;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDeviceRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;

/**
 * EC2 launch templates: their default and latest versions, a version's block devices, and a new
 * version made from another with other block devices. Never changes the default version: the group
 * is pointed at the new version instead.
 */
public final class LaunchTemplates {

    /** A template's version numbers. */
    public record Versions(String templateId, String name, long defaultVersion, long latestVersion) {
    }

    private final Ec2Client ec2;

    public LaunchTemplates(Ec2Client ec2) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
    }

    public Versions versions(String templateId) {
        LaunchTemplate t = ec2.describeLaunchTemplates(DescribeLaunchTemplatesRequest.builder()
                .launchTemplateIds(templateId).build()).launchTemplates().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("launch template " + templateId + " does not exist"));
        return new Versions(t.launchTemplateId(), t.launchTemplateName(), t.defaultVersionNumber(),
                t.latestVersionNumber());
    }

    /** The block device mappings of version {@code version} (a number). */
    public List<TemplateEdit.Mapping> mappings(String templateId, long version) {
        LaunchTemplateVersion v = ec2.describeLaunchTemplateVersions(DescribeLaunchTemplateVersionsRequest.builder()
                        .launchTemplateId(templateId).versions(Long.toString(version)).build())
                .launchTemplateVersions().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("launch template " + templateId + " has no version "
                        + version));
        return v.launchTemplateData().blockDeviceMappings().stream().map(LaunchTemplates::mapping).toList();
    }

    /** A new version from {@code sourceVersion} with these block devices; its number. */
    public long createVersion(String templateId, long sourceVersion, List<TemplateEdit.Mapping> mappings,
                              String description) {
        return ec2.createLaunchTemplateVersion(CreateLaunchTemplateVersionRequest.builder()
                .launchTemplateId(templateId).sourceVersion(Long.toString(sourceVersion))
                .versionDescription(description)
                .launchTemplateData(RequestLaunchTemplateData.builder()
                        .blockDeviceMappings(mappings.stream().map(LaunchTemplates::request).toList()).build())
                .build()).launchTemplateVersion().versionNumber();
    }

    private static TemplateEdit.Mapping mapping(LaunchTemplateBlockDeviceMapping m) {
        LaunchTemplateEbsBlockDevice e = m.ebs();
        return new TemplateEdit.Mapping(m.deviceName(), e == null ? null : e.snapshotId(),
                e == null ? null : e.volumeSize(), e == null ? null : e.volumeTypeAsString(),
                e == null ? null : e.encrypted(), e == null ? null : e.iops(), e == null ? null : e.throughput(),
                e == null ? null : e.deleteOnTermination(), e == null ? null : e.kmsKeyId(), m.virtualName(),
                m.noDevice() != null && !m.noDevice().isEmpty());
    }

    private static LaunchTemplateBlockDeviceMappingRequest request(TemplateEdit.Mapping m) {
        LaunchTemplateBlockDeviceMappingRequest.Builder b = LaunchTemplateBlockDeviceMappingRequest.builder()
                .deviceName(m.deviceName());
        if (m.noDevice()) {
            return b.noDevice("").build();
        }
        if (m.virtualName() != null) {
            b.virtualName(m.virtualName());
        }
        if (m.volumeType() != null || m.snapshotId() != null || m.volumeSizeGb() != null) {
            b.ebs(LaunchTemplateEbsBlockDeviceRequest.builder().snapshotId(m.snapshotId()).volumeSize(m.volumeSizeGb())
                    .volumeType(m.volumeType()).encrypted(m.encrypted()).iops(m.iops()).throughput(m.throughput())
                    .deleteOnTermination(m.deleteOnTermination()).kmsKeyId(m.kmsKeyId()).build());
        }
        return b.build();
    }
}
