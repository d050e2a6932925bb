package dev.graphfleet.cli;

import dev.graphfleet.volume.aws.VolumeClients;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphfleet volumes grow-fs --instance I}: grows the instance's data filesystem into its volume (SSM). */
@Command(name = "grow-fs", mixinStandardHelpOptions = true,
        description = {"Grow an instance's data filesystem into its volume (SSM Run Command: growpart, then "
                + "xfs_growfs or resize2fs). Harmless when it already fills the volume.",
                "Exit codes: 0 grown, 1 failed, 2 usage error."})
final class VolumesGrowFsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VolumesAwsOptions aws;

    @Option(names = "--instance", required = true, paramLabel = "INSTANCE_ID", description = "The EC2 instance.")
    String instanceId;

    @Option(names = "--mount", paramLabel = "PATH", defaultValue = WatchedInstance.DEFAULT_DATA_MOUNT,
            description = "The data mount (default: ${DEFAULT-VALUE}; replicas use /data).")
    String mount;

    @Option(names = "--poll-ms", hidden = true, defaultValue = "5000", description = "How often the grow's status is read.")
    long pollMs;

    @Override
    public Integer call() {
        if (!instanceId.matches("i-[0-9a-zA-Z]+")) {
            throw new UsageException("--instance: '" + instanceId + "' is not an EC2 instance id (i-0abc123...)");
        }
        if (!mount.matches("/[A-Za-z0-9._/-]*")) {
            throw new UsageException("--mount: '" + mount + "' is not a plain absolute path (e.g. /mnt/lbug-data)");
        }
        VolumeActionSupport.requirePositive("--poll-ms", pollMs);
        VolumeClients clients = aws.clients();
        aws.requireRegion(clients);
        var actions = VolumeActionSupport.actions(clients, pollMs);
        return VolumeActionSupport.print(VolumeActionSupport.operations(clients, actions, null)
                .growFilesystem(new WatchedInstance(instanceId, null, null, mount)), spec.commandLine().getOut());
    }
}
