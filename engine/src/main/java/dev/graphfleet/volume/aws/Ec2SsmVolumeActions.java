package dev.graphfleet.volume.aws;

import dev.graphfleet.time.Sleeper;
import dev.graphfleet.volume.ModificationRefusal;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.monitor.VolumeActionException;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.VolumeDescription;
import dev.graphfleet.volume.monitor.WatchedInstance;
import dev.graphfleet.volume.ops.AttachedVolume;
import dev.graphfleet.volume.ops.VolumeInventory;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * Volume actions on AWS: EC2 for the volume (DescribeVolumes, DescribeVolumesModifications, ModifyVolume) and
 * SSM Run Command for the filesystem grow (AWS-RunShellScript: growpart for a partition, then xfs_growfs or
 * resize2fs, three tries). Provider errors become {@link VolumeActionException}s classified by
 * {@link ModificationRefusal#classify}.
 */
public final class Ec2SsmVolumeActions implements VolumeActions, VolumeInventory {

    /**
     * @param dataDevices  device names the data volume is attached as, in order of preference
     * @param growWait     how long a grow is followed before the run moves on (the next run checks the result)
     * @param pollInterval how often the grow's status is read
     */
    public record Options(List<String> dataDevices, Duration growWait, Duration pollInterval) {
        public Options {
            dataDevices = List.copyOf(dataDevices);
            if (dataDevices.isEmpty()) {
                throw new IllegalArgumentException("give at least one data device name (for example /dev/xvdf)");
            }
            Objects.requireNonNull(growWait, "growWait");
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (pollInterval.isZero() || pollInterval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
        }

        /** /dev/xvdf or /dev/sdf (the original's), followed for 25 s, polled every 5 s. */
        public static Options defaults() {
            return new Options(List.of("/dev/xvdf", "/dev/sdf"), Duration.ofSeconds(25), Duration.ofSeconds(5));
        }
    }

    static final String GROW_DOCUMENT = "AWS-RunShellScript";
    private static final Pattern SAFE_MOUNT = Pattern.compile("/[A-Za-z0-9._/-]*");

    private final Ec2Client ec2;
    private final SsmClient ssm;
    private final Options options;
    private final Sleeper sleeper;

    public Ec2SsmVolumeActions(Ec2Client ec2, SsmClient ssm, Options options, Sleeper sleeper) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public Optional<VolumeDescription> describe(WatchedInstance instance) throws VolumeActionException {
        List<Volume> volumes;
        try {
            volumes = ec2.describeVolumes(b -> b.filters(
                    Filter.builder().name("attachment.instance-id").values(instance.instanceId()).build(),
                    Filter.builder().name("attachment.device").values(options.dataDevices()).build()))
                    .volumes();
        } catch (SdkException e) {
            throw failure("describe the volumes of " + instance.instanceId(), e);
        }
        Optional<Volume> data = volumes.stream()
                .min(Comparator.comparingInt(v -> devicePreference(v, instance.instanceId())));
        if (data.isEmpty()) {
            return Optional.empty();
        }
        Volume v = data.get();
        return Optional.of(new VolumeDescription(v.volumeId(), v.size(), modification(v.volumeId())));
    }

    @Override
    public void modify(String volumeId, long newSizeGb) throws VolumeActionException {
        try {
            ec2.modifyVolume(b -> b.volumeId(volumeId).size(Math.toIntExact(newSizeGb)));
        } catch (SdkException e) {
            throw failure("modify volume " + volumeId + " to " + newSizeGb + " GB", e);
        }
    }

    @Override
    public void growFilesystem(WatchedInstance instance) throws VolumeActionException {
        String commandId;
        try {
            commandId = ssm.sendCommand(b -> b.instanceIds(instance.instanceId())
                    .documentName(GROW_DOCUMENT)
                    .comment("graphfleet: grow the data filesystem at " + instance.dataMount())
                    .timeoutSeconds(120)
                    .parameters(Map.of("commands", List.of(growScript(instance.dataMount())),
                            "executionTimeout", List.of("120"))))
                    .command().commandId();
        } catch (SdkException e) {
            throw failure("send the filesystem grow to " + instance.instanceId(), e);
        }
        long polls = Math.max(1, options.growWait().toMillis() / options.pollInterval().toMillis());
        for (long i = 0; i < polls; i++) {
            try {
                sleeper.sleep(options.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VolumeActionException(ModificationRefusal.OTHER, "interrupted while the filesystem grow "
                        + "(SSM command " + commandId + ") ran; the next run checks the filesystem");
            }
            GetCommandInvocationResponse invocation;
            try {
                invocation = ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(instance.instanceId()));
            } catch (InvocationDoesNotExistException notYet) {
                continue; // SSM needs a moment before the invocation exists
            } catch (SdkException e) {
                throw failure("read the filesystem grow's status (SSM command " + commandId + ")", e);
            }
            CommandInvocationStatus status = invocation.status();
            if (status == CommandInvocationStatus.SUCCESS) {
                return;
            }
            if (status == CommandInvocationStatus.FAILED || status == CommandInvocationStatus.TIMED_OUT
                    || status == CommandInvocationStatus.CANCELLED) {
                throw new VolumeActionException(ModificationRefusal.OTHER, "filesystem grow "
                        + invocation.statusAsString() + " (SSM command " + commandId + "): "
                        + abbreviate(invocation.standardErrorContent()));
            }
        }
        throw new VolumeActionException(ModificationRefusal.OTHER, "filesystem grow still running after "
                + options.growWait().toSeconds() + " s (SSM command " + commandId
                + "); the next run checks the filesystem");
    }

    @Override
    public Optional<AttachedVolume> volume(String volumeId) throws VolumeActionException {
        List<Volume> found;
        try {
            found = ec2.describeVolumes(b -> b.volumeIds(volumeId)).volumes();
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && "InvalidVolume.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw failure("describe volume " + volumeId, e);
        } catch (SdkException e) {
            throw failure("describe volume " + volumeId, e);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Volume v = found.get(0);
        return Optional.of(new AttachedVolume(v.volumeId(), v.size(), dataAttachment(v), modification(volumeId)));
    }

    /** All pages of DescribeVolumesModifications filtered by state, then the volumes in batches of 200. */
    @Override
    public List<AttachedVolume> withModification(ModificationState state) throws VolumeActionException {
        List<software.amazon.awssdk.services.ec2.model.VolumeModification> mods = new ArrayList<>();
        try {
            ec2.describeVolumesModificationsPaginator(b -> b.filters(Filter.builder().name("modification-state")
                    .values(state.name().toLowerCase(java.util.Locale.ROOT)).build()))
                    .volumesModifications().forEach(mods::add);
        } catch (SdkException e) {
            throw failure("list the volume modifications in state " + state, e);
        }
        Map<String, Volume> volumes = new java.util.HashMap<>();
        List<String> ids = mods.stream().map(m -> m.volumeId()).distinct().toList();
        for (int from = 0; from < ids.size(); from += 200) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 200));
            try {
                ec2.describeVolumes(b -> b.volumeIds(batch)).volumes().forEach(v -> volumes.put(v.volumeId(), v));
            } catch (SdkException e) {
                throw failure("describe the volumes being modified", e);
            }
        }
        List<AttachedVolume> out = new ArrayList<>();
        for (software.amazon.awssdk.services.ec2.model.VolumeModification m : mods) {
            Volume v = volumes.get(m.volumeId());
            if (v == null || m.startTime() == null) {
                continue; // deleted since: nothing to grow
            }
            out.add(new AttachedVolume(v.volumeId(), v.size(), dataAttachment(v),
                    VolumeModification.of(ModificationState.parse(m.modificationStateAsString()), m.startTime(),
                            m.targetSize() == null ? 0 : m.targetSize())));
        }
        return out;
    }

    /** The instance the volume is attached to as a data device; null when none (root volumes are not ours). */
    private String dataAttachment(Volume v) {
        return v.attachments().stream().filter(a -> options.dataDevices().contains(a.device()))
                .map(VolumeAttachment::instanceId).findFirst().orElse(null);
    }

    /** The latest modification of the volume; none when it was never modified. */
    private VolumeModification modification(String volumeId) throws VolumeActionException {
        try {
            return ec2.describeVolumesModifications(b -> b.volumeIds(volumeId)).volumesModifications().stream()
                    .filter(m -> m.startTime() != null)
                    .max(Comparator.comparing(software.amazon.awssdk.services.ec2.model.VolumeModification::startTime))
                    .map(m -> VolumeModification.of(ModificationState.parse(m.modificationStateAsString()),
                            m.startTime(), m.targetSize() == null ? 0 : m.targetSize()))
                    .orElse(VolumeModification.none());
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null
                    && "InvalidVolumeModification.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return VolumeModification.none();
            }
            throw failure("describe the modifications of " + volumeId, e);
        } catch (SdkException e) {
            throw failure("describe the modifications of " + volumeId, e);
        }
    }

    private int devicePreference(Volume v, String instanceId) {
        for (VolumeAttachment a : v.attachments()) {
            if (instanceId.equals(a.instanceId()) && options.dataDevices().contains(a.device())) {
                return options.dataDevices().indexOf(a.device());
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The grow, as run on the instance: find the device behind the mount, grow its partition if it has one,
     * then the filesystem (XFS or ext), three tries five seconds apart. A filesystem that already fills its
     * device is left alone by both tools, so running it twice is harmless.
     */
    static String growScript(String mount) {
        if (mount == null || !SAFE_MOUNT.matcher(mount).matches()) {
            throw new IllegalArgumentException("data mount '" + mount + "' is not a plain absolute path");
        }
        return String.join("\n",
                "set -u",
                "MOUNT='" + mount + "'",
                "SRC=$(findmnt -n -o SOURCE --target \"$MOUNT\")",
                "FSTYPE=$(findmnt -n -o FSTYPE --target \"$MOUNT\")",
                "PARENT=$(lsblk -no PKNAME \"$SRC\" 2>/dev/null | head -n 1)",
                "if [ -n \"$PARENT\" ]; then",
                "  PART=$(cat \"/sys/class/block/$(basename \"$SRC\")/partition\")",
                "  growpart \"/dev/$PARENT\" \"$PART\" || true  # NOCHANGE exits 1",
                "fi",
                "for i in 1 2 3; do",
                "  case \"$FSTYPE\" in",
                "    xfs) xfs_growfs \"$MOUNT\" && exit 0 ;;",
                "    ext2|ext3|ext4) resize2fs \"$SRC\" && exit 0 ;;",
                "    *) echo \"unsupported filesystem $FSTYPE at $MOUNT\" >&2; exit 2 ;;",
                "  esac",
                "  sleep 5",
                "done",
                "exit 1");
    }

    private static VolumeActionException failure(String what, SdkException e) {
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            String code = ((AwsServiceException) e).awsErrorDetails().errorCode();
            String message = ((AwsServiceException) e).awsErrorDetails().errorMessage();
            return new VolumeActionException(ModificationRefusal.classify(code, message),
                    "could not " + what + ": " + code + ": " + message, e);
        }
        return new VolumeActionException(ModificationRefusal.OTHER, "could not " + what + ": " + e.getMessage(), e);
    }

    private static String abbreviate(String s) {
        if (s == null || s.isBlank()) {
            return "(no error output)";
        }
        String t = s.strip();
        return t.length() <= 300 ? t : t.substring(0, 300) + "...";
    }
}
