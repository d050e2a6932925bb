package dev.graphfleet.cli;

import dev.graphfleet.fleet.aws.Ec2Inventory;
import dev.graphfleet.volume.aws.Ec2InstanceSource;
import dev.graphfleet.volume.aws.Ec2SsmVolumeActions;
import dev.graphfleet.volume.aws.VolumeClients;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code graphfleet volumes fix-stuck --env ENV}: grows the filesystems of the environment's data volumes whose
 * modification has been optimizing for more than 30 min. Volumes of other instances are listed and left alone.
 */
@Command(name = "fix-stuck", mixinStandardHelpOptions = true,
        description = {"Grow the filesystem of every fleet data volume stuck optimizing (over 30 min).",
                "Exit codes: 0 fixed or nothing stuck, 1 a grow failed, 2 usage error."})
final class VolumesFixStuckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VolumesAwsOptions aws;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "The fleet's Environment tag, e.g. prod: only its instances are touched.")
    String environment;

    @Option(names = "--service", paramLabel = "NAME", description = "The fleet's Service tag (default: any).")
    String service;

    @Mixin
    DryRunOption dryRun;

    @Option(names = "--poll-ms", hidden = true, defaultValue = "5000", description = "How often a grow's status is read.")
    long pollMs;

    @Override
    public Integer call() throws Exception {
        if (environment.isBlank()) {
            throw new UsageException("--env: give the fleet's Environment tag, e.g. prod");
        }
        VolumeActionSupport.requirePositive("--poll-ms", pollMs);
        VolumeClients clients = aws.clients();
        aws.requireRegion(clients);
        Ec2SsmVolumeActions actions = VolumeActionSupport.actions(clients, pollMs);
        Map<String, WatchedInstance> fleet = new Ec2InstanceSource(new Ec2Inventory(clients.ec2()), environment, service,
                8001).instances().stream().collect(Collectors.toMap(WatchedInstance::instanceId, Function.identity(),
                        (a, b) -> a));
        return VolumeActionSupport.print(VolumeActionSupport.operations(clients, actions, null)
                .fixStuck(fleet::get, dryRun.on()), spec.commandLine().getOut());
    }
}
