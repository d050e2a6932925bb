package dev.graphfleet.cli;

import picocli.CommandLine.Command;

/** {@code graphfleet volumes plan ...}: {@code volumes check --dry-run}, under the name of what it does. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print what the volume check would do, changing nothing (volumes check --dry-run).",
                "Exit codes: 0 every instance checked (alerts included), 1 an instance could not be checked, "
                        + "2 usage error."})
final class VolumesPlanCommand extends VolumesCheckCommand {

    @Override
    boolean dryRun() {
        return true;
    }
}
