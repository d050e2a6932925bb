package dev.graphfleet.cli;

import dev.graphfleet.volume.aws.Ec2SsmVolumeActions;
import dev.graphfleet.volume.aws.VolumeClients;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code graphfleet volumes expand --volume V --size GB}: modifies one EBS volume, within the monitor's rules
 * (never shrink, at most the maximum size, no modification in progress, the 6 h cooldown respected).
 */
@Command(name = "expand", mixinStandardHelpOptions = true,
        description = {"Expand one EBS data volume to a given size (EC2 ModifyVolume).",
                "The filesystem is grown once the modification is optimizing: by the next monitor run, or "
                        + "'volumes grow-fs'.",
                "Exit codes: 0 requested, 1 failed, 2 refused or usage error."})
final class VolumesExpandCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VolumesAwsOptions aws;

    @Option(names = "--volume", required = true, paramLabel = "VOLUME_ID", description = "The volume, e.g. vol-0abc.")
    String volumeId;

    @Option(names = "--size", required = true, paramLabel = "GB", description = "The new size in GB.")
    long sizeGb;

    @Option(names = "--volume-table", paramLabel = "TABLE",
            description = "DynamoDB volume registry: shares the lock and cooldown with the monitors (default: "
                    + "none; the cooldown is then read from EC2's last modification).")
    String volumeTable;

    @Mixin
    DryRunOption dryRun;

    @Override
    public Integer call() {
        VolumeActionSupport.requirePositive("--size", sizeGb);
        if (!volumeId.matches("vol-[0-9a-zA-Z]+")) {
            throw new UsageException("--volume: '" + volumeId + "' is not an EBS volume id (vol-0abc123...)");
        }
        VolumeClients clients = aws.clients();
        aws.requireRegion(clients);
        Ec2SsmVolumeActions actions = VolumeActionSupport.actions(clients, 5_000);
        return VolumeActionSupport.print(VolumeActionSupport.operations(clients, actions, volumeTable)
                .expand(volumeId, sizeGb, dryRun.on()), spec.commandLine().getOut());
    }
}
