package dev.graphfleet.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code ./graphfleet} and {@code java -jar graphfleet-server.jar}.
 * Exit codes: 0 ok, 1 failure, 2 usage or config error.
 */
@Command(name = "graphfleet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        resourceBundle = "dev.graphfleet.cli.OptionDescriptions",
        description = "Operator console and headless engine for fleets of LadybugDB (Kuzu) graph databases.",
        subcommands = {
                ConsoleCommand.class,
                ServeCommand.class,
                ConfigCommand.class,
                FleetCommand.class,
                QueryCommand.class,
                RepoCommand.class,
                AttachCommand.class,
                LocalCommand.class,
                VolumesCommand.class,
                CommandLine.HelpCommand.class
        })
public final class GraphfleetCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /** The main class the local fleet runs each of its nodes with ({@code graphfleet serve --config ...}). */
    public static final String CHILD_MAIN = GraphfleetCli.class.getName();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand the console opens, as the README promises. */
    @Override
    public void run() {
        int code = new CommandLine(new ConsoleCommand()).execute();
        if (code != EXIT_OK) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "console exited with " + code);
        }
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GraphfleetCli());
        cli.setExecutionExceptionHandler(new CliErrorHandler());
        cli.setExitCodeExceptionMapper(CliErrorHandler::exitCodeOf);
        cli.setParameterExceptionHandler(CliErrorHandler::handleParameterException);
        addHelpOptions(cli);
        return cli;
    }

    /** Every command answers --help (picocli gives it only to commands that ask for it). */
    private static void addHelpOptions(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null && !command.getCommandName().equals("console")) {
            String[] names = spec.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
            spec.addOption(CommandLine.Model.OptionSpec.builder(names).usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(GraphfleetCli::addHelpOptions);
    }

    public static void main(String[] args) {
        if (args.length == 0 || "console".equals(args[0])) {
            // The console is the default and is waited on: building every subcommand first costs seconds of
            // class loading before its window (the console parses its own options, --help included).
            System.exit(ConsoleCommand.launch(Arrays.asList(args).subList(Math.min(1, args.length), args.length)));
        }
        System.exit(commandLine().execute(args));
    }
}
