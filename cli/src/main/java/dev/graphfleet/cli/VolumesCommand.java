package dev.graphfleet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code graphfleet volumes ...}: data-volume health and auto-expansion. */
@Command(name = "volumes", mixinStandardHelpOptions = true, description = "Data-volume health and auto-expansion.",
        subcommands = {VolumesCheckCommand.class,
                VolumesPlanCommand.class,
                VolumesExpandCommand.class,
                VolumesGrowFsCommand.class,
                VolumesFixStuckCommand.class,
                VolumesSyncRegistryCommand.class})
final class VolumesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("volumes: say what to do, for example: graphfleet volumes check --nodes "
                + "http://HOST:PORT, or graphfleet volumes plan --source local (see graphfleet volumes --help)");
    }
}
