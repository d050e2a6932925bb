package dev.graphfleet.cli;

import picocli.CommandLine.Command;

/** {@code graphfleet volumes plan ...}: {@code volumes check --dry-run}, with the same fleet sources and options. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what 'volumes check' would do; change nothing (= check --dry-run).",
                "Exit codes: 0 every instance checked, 1 an instance could not be checked, 2 usage error."})
final class VolumesPlanCommand extends VolumesCheckCommand {

    @Override
    public Integer call() throws Exception {
        dryRun = true;
        return super.call();
    }
}
