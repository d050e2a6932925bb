package dev.graphfleet.fleet.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The new launch template version of a replica group: the block device mappings of the version the
 * group launches now, with the data volume ({@code /dev/xvdf} or {@code /dev/sdf}) made from the
 * target snapshot. Its size is dropped (the volume takes the snapshot's size, as the original did);
 * the other devices and settings stay as they were.
 */
public final class TemplateEdit {

    /** Where the data volume is mapped, in the order they are looked for. */
    public static final List<String> DATA_DEVICES = List.of("/dev/xvdf", "/dev/sdf");

    private TemplateEdit() {
    }

    /**
     * One block device mapping as a launch template holds it (only what the edit needs to carry).
     *
     * @param snapshotId null when the device is not made from a snapshot
     * @param volumeSizeGb null to take the snapshot's size
     */
    public record Mapping(String deviceName, String snapshotId, Integer volumeSizeGb, String volumeType,
                          Boolean encrypted, Integer iops, Integer throughput, Boolean deleteOnTermination,
                          String kmsKeyId, String virtualName, boolean noDevice) {
        public Mapping {
            Objects.requireNonNull(deviceName, "deviceName");
        }

        Mapping withSnapshot(String snapshot) {
            return new Mapping(deviceName, snapshot, null, volumeType, encrypted, iops, throughput, deleteOnTermination,
                    kmsKeyId, virtualName, noDevice);
        }
    }

    /** The data volume's mapping, if the version has one. */
    public static Optional<Mapping> dataVolume(List<Mapping> mappings) {
        for (String device : DATA_DEVICES) {
            for (Mapping m : mappings) {
                if (device.equals(m.deviceName()) && !m.noDevice()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code mappings} with the data volume from {@code snapshotId}; throws when there is no data volume
     * (the group does not boot from a snapshot at all, and no refresh can change that).
     */
    public static List<Mapping> withSnapshot(List<Mapping> mappings, String snapshotId) {
        Mapping data = dataVolume(mappings).orElseThrow(() -> new IllegalArgumentException("the launch template"
                + " version maps no data volume at " + String.join(" or ", DATA_DEVICES) + "; add one made from a"
                + " snapshot (the replicas' data) before refreshing"));
        List<Mapping> out = new ArrayList<>();
        for (Mapping m : mappings) {
            out.add(m == data ? m.withSnapshot(snapshotId) : m);
        }
        return out;
    }

    /**
     * The minimum healthy percentage of an instance refresh that takes out one instance at a time:
     * {@code floor(100 × (n − 1) / n)} of {@code desired} n (50 for 2, 66 for 3, 90 for 10). A group of
     * one gets 100, which makes Auto Scaling launch the replacement before it terminates the old one.
     */
    public static int minHealthyPercentage(int desired) {
        if (desired <= 1) {
            return 100;
        }
        return (int) Math.floor(100.0 * (desired - 1) / desired);
    }
}
