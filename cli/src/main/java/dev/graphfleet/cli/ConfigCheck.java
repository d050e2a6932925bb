package dev.graphfleet.cli;

import dev.graphfleet.config.ConfigException;
import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads and validates a config file for a command ({@code config validate}, {@code fleet validate}),
 * printing its problems one way: {@code error|warning path: message — fix}, then an INVALID line; or its
 * warnings, then the command's OK line.
 */
final class ConfigCheck {

    /** A config without errors, and its warnings. */
    record Valid(GraphfleetConfig config, List<Problem> warnings) {

        /** The closing line, e.g. {@code OK prod.yml: environment prod, 2 replica groups, 1 warning}. */
        String okLine(Path file, String... counts) {
            StringBuilder line = new StringBuilder("OK " + file + ": environment " + config.environment());
            for (String count : counts) {
                line.append(", ").append(count);
            }
            return line.append(", ").append(count(warnings.size(), "warning")).toString();
        }
    }

    private ConfigCheck() {
    }

    /** The valid config, its warnings printed on {@code out}; empty after every problem went to {@code err}. */
    static Optional<Valid> loadPrintingWarnings(Path file, PrintWriter out, PrintWriter err) {
        Optional<Valid> valid = load(file, err);
        valid.ifPresent(v -> v.warnings().forEach(p -> out.println(line(p))));
        return valid;
    }

    /** The valid config; empty after every problem and the INVALID line went to {@code err}. */
    private static Optional<Valid> load(Path file, PrintWriter err) {
        if (!Files.exists(file)) {
            throw new UsageException("config file not found: " + file
                    + " (pass the path of a YAML config; examples are in docs/examples/)");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a directory; pass the path of a YAML config file");
        }
        List<Problem> problems;
        GraphfleetConfig config = null;
        try {
            config = GraphfleetConfig.load(file);
            problems = ConfigValidator.check(config);
        } catch (ConfigException e) {
            problems = e.problems();
        }
        if (config == null || problems.stream().anyMatch(Problem::isError)) {
            problems.forEach(p -> err.println(line(p)));
            long errors = problems.stream().filter(Problem::isError).count();
            err.println("INVALID " + file + ": " + count(errors, "error") + ", " + count(problems.size() - errors, "warning"));
            return Optional.empty();
        }
        return Optional.of(new Valid(config, problems));
    }

    private static String line(Problem p) {
        return (p.isError() ? "error   " : "warning ") + p;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
