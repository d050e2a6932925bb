package dev.graphfleet.cli;

import picocli.CommandLine;

/**
 * Turns exceptions into one clear line on stderr and the documented exit code, never a stack trace
 * for an error the user can fix. Set GRAPHFLEET_DEBUG=1 to see the stack.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cli.getErr().println("graphfleet: " + message);
        if (System.getenv("GRAPHFLEET_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        return exitCodeOf(ex);
    }

    /**
     * A command line picocli cannot parse: what is wrong, picocli's suggestions, then the command's
     * usage, always (picocli's own handler leaves the usage out when it has a suggestion). Exit 2.
     */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        java.io.PrintWriter err = cli.getErr();
        err.println(ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        cli.usage(err, cli.getColorScheme());
        return GraphfleetCli.EXIT_USAGE;
    }

    static int exitCodeOf(Throwable ex) {
        // ParameterException: picocli's bad command line (missing FILE, unknown option), also a usage error.
        if (ex instanceof UsageException || ex instanceof IllegalArgumentException
                || ex instanceof CommandLine.ParameterException) {
            return GraphfleetCli.EXIT_USAGE;
        }
        return GraphfleetCli.EXIT_FAILURE;
    }
}
