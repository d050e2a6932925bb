package dev.graphfleet.console;

import dev.graphfleet.cli.ConsoleLauncher;
import dev.graphfleet.cli.GraphfleetCli;
import dev.graphfleet.cli.UsageException;
import java.lang.management.ManagementFactory;
import dev.graphfleet.console.service.ConsoleMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code graphfleet console [--nodes URL,...]}: found by the engine's CLI through ServiceLoader
 * (META-INF/services), so the engine never depends on JavaFX. Checks the options before any
 * window opens: a bad option is exit code 2 with a message naming it.
 */
public final class GraphfleetConsoleLauncher implements ConsoleLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GraphfleetConsoleLauncher.class);

    /** The checked configuration for {@code args}, without opening anything; throws on a usage error. */
    public static ConsoleConfig configFrom(String[] args, Function<String, String> environment) {
        ConsoleOptions options = new ConsoleOptions();
        new CommandLine(options).parseArgs(args);
        return options.toConfig(environment);
    }

    /**
     * Without a source on the command line, the options with the last source prepended (it is reopened, and
     * said so on stderr); else {@code options} as they are.
     */
    static ConsoleOptions withLastSource(ConsoleOptions options, List<String> args, ConsoleMemory memory) {
        List<String> last = options.choosesSource() ? List.of() : memory.load().lastSource();
        if (last.isEmpty()) {
            return options;
        }
        System.err.println("graphfleet console: reopening the last source: " + String.join(" ", last)
                + " (--local for the local fleet)");
        ConsoleOptions again = new ConsoleOptions();
        List<String> all = new ArrayList<>(last);
        all.addAll(args);
        new CommandLine(again).parseArgs(all.toArray(String[]::new));
        return again;
    }

    @Override
    public int launch(List<String> args) {
        ConsoleOptions options = new ConsoleOptions();
        CommandLine cli = new CommandLine(options);
        ConsoleConfig config;
        ConsoleMemory memory = ConsoleMemory.standard(System::getenv);
        try {
            cli.parseArgs(args.toArray(String[]::new));
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return GraphfleetCli.EXIT_OK;
            }
            options = withLastSource(options, args, memory);
            config = options.toConfig(System::getenv);
        } catch (CommandLine.ParameterException | UsageException e) {
            System.err.println("graphfleet console: " + e.getMessage());
            System.err.println("See: graphfleet console --help");
            return GraphfleetCli.EXIT_USAGE;
        }
        LOG.info("options checked {} ms after the JVM started", ManagementFactory.getRuntimeMXBean().getUptime());
        java.util.Optional<String> desktop = DesktopCheck.problem();
        if (desktop.isPresent()) {
            System.err.println(desktop.get()); // one line with the fix, not JavaFX's stack trace
            return GraphfleetCli.EXIT_FAILURE;
        }
        ConsoleApp.run(config, memory, options.sourceArgs(), options.localStartOffer());
        return GraphfleetCli.EXIT_OK;
    }
}
