package dev.graphfleet.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config that cannot be used: unreadable, malformed, unknown keys, wrong types, or (from
 * {@link ConfigValidator#requireValid}) validation errors. An {@link IllegalArgumentException},
 * so the CLI maps it to exit code 2. The message lists every problem, one per line.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ConfigException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String source, Problem problem) {
        this(source, List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        String header = source + " is not a valid config (" + problems.size()
                + (problems.size() == 1 ? " problem):" : " problems):");
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
