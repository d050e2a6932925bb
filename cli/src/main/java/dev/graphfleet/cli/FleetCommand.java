package dev.graphfleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code graphfleet fleet status|validate|snapshot|rollback}: the fleet as it runs, its config checked, its data rolled. */
@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Look at a fleet (writers, shared masters, replica groups and their snapshots), snapshot it and roll it back.",
        subcommands = {FleetStatusCommand.class, FleetValidateCommand.class, FleetSnapshotCommand.class,
                FleetRollbackCommand.class, CommandLine.HelpCommand.class})
final class FleetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "fleet needs a subcommand: graphfleet fleet status --nodes URL[,URL...] | --aws --env ENV,"
                        + " graphfleet fleet validate --config FILE, graphfleet fleet snapshot --graph ID,"
                        + " or graphfleet fleet rollback --group NAME");
    }
}
