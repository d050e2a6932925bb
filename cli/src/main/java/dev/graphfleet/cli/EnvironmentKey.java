package dev.graphfleet.cli;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An API key read from the environment variable an option names ({@code --api-key-env VAR}), so the key stays
 * out of the shell history and the process list. Each caller words its own message; only the variable's name
 * goes into it, never the key.
 */
public final class EnvironmentKey {

    private EnvironmentKey() {
    }

    /**
     * The variable's value, or null when no variable is named (the option left out).
     *
     * @throws UsageException with {@code unsetMessage} when the variable is not set or empty
     */
    public static String nonEmpty(String variable, Function<String, String> environment, String unsetMessage) {
        return read(variable, environment, String::isEmpty, unsetMessage);
    }

    /** As {@link #nonEmpty}, but a value of only whitespace counts as not set too. */
    public static String nonBlank(String variable, Function<String, String> environment, String unsetMessage) {
        return read(variable, environment, String::isBlank, unsetMessage);
    }

    private static String read(String variable, Function<String, String> environment, Predicate<String> unset,
                               String unsetMessage) {
        if (variable == null) {
            return null;
        }
        String key = environment.apply(variable);
        if (key == null || unset.test(key)) {
            throw new UsageException(unsetMessage);
        }
        return key;
    }
}
