package dev.graphfleet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A test that runs commands in process, as {@code ./graphfleet ARGS} would: what they print gathers in
 * {@link #out} and {@link #err} across the test's runs. {@link CliRun} is the form for one run.
 */
abstract class InProcessCliTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = GraphfleetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
