package dev.graphfleet.cli;

import dev.graphfleet.volume.aws.DynamoVolumeRegistry;
import dev.graphfleet.volume.aws.Ec2FleetVolumes;
import dev.graphfleet.volume.aws.Ec2SsmVolumeActions;
import dev.graphfleet.volume.aws.VolumeClients;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.sync.Ec2Volume;
import dev.graphfleet.volume.sync.RegistrySync;
import dev.graphfleet.volume.sync.SyncPlan;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code graphfleet volumes sync-registry --env ENV --volume-table T}: corrects the volume registry to what EC2
 * says (detached, moved, deleted and unregistered data volumes), leaving alone the volumes a monitor holds locked.
 */
@Command(name = "sync-registry", mixinStandardHelpOptions = true,
        description = {"Bring the DynamoDB volume registry in line with EC2: detached volumes marked available, "
                + "moved volumes re-pointed, deleted ones removed, unregistered fleet data volumes registered.",
                "Volumes whose expansion lock a monitor holds are skipped (the next sync catches up).",
                "Exit codes: 0 synced, 1 a change was refused or AWS failed, 2 usage error."})
final class VolumesSyncRegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VolumesAwsOptions aws;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "The fleet's Environment tag, e.g. prod: its instances' data volumes are registered.")
    String environment;

    @Option(names = "--service", paramLabel = "NAME", description = "The fleet's Service tag (default: any).")
    String service;

    @Option(names = "--volume-table", required = true, paramLabel = "TABLE",
            description = "The DynamoDB volume registry table, e.g. graphfleet-prod-volume-registry.")
    String volumeTable;

    @Mixin
    DryRunOption dryRun;

    @Override
    public Integer call() {
        if (environment.isBlank()) {
            throw new UsageException("--env: give the fleet's Environment tag, e.g. prod");
        }
        if (volumeTable.isBlank()) {
            throw new UsageException("--volume-table: name the DynamoDB volume registry table");
        }
        VolumeClients clients = aws.clients();
        aws.requireRegion(clients);
        DynamoVolumeRegistry registry = new DynamoVolumeRegistry(clients.dynamoDb(), volumeTable);
        List<VolumeRecord> rows = registry.all();
        List<Ec2Volume> volumes = new Ec2FleetVolumes(clients.ec2(),
                Ec2SsmVolumeActions.Options.defaults().dataDevices())
                .volumes(environment, service, rows.stream().map(VolumeRecord::volumeId).toList());
        Instant now = Clock.systemUTC().instant();
        SyncPlan plan = RegistrySync.plan(rows, volumes, now);
        List<RegistrySync.Result> results = dryRun.on() ? null : RegistrySync.apply(plan, registry, now);
        PrintWriter out = spec.commandLine().getOut();
        out.print(SyncTable.render(plan, results, rows.size(), volumes.size()));
        out.flush();
        boolean refused = results != null && results.stream().anyMatch(r -> !r.applied());
        return refused ? GraphfleetCli.EXIT_FAILURE : GraphfleetCli.EXIT_OK;
    }
}
