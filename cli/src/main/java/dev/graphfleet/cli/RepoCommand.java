package dev.graphfleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code graphfleet repo ...}: shared repositories in a store. */
@Command(name = "repo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Publish, list and fetch shared read-only repositories (s3://bucket/prefix or file:///dir).",
        subcommands = {RepoPackCommand.class, RepoPushCommand.class, RepoListCommand.class, RepoFetchCommand.class,
                CommandLine.HelpCommand.class})
final class RepoCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: repo push, repo list or repo fetch");
    }
}
