package dev.graphfleet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in process, as {@code ./graphfleet ARGS} would, capturing what it prints. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cli = GraphfleetCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
