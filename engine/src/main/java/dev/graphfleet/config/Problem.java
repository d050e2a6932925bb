package dev.graphfleet.config;

import java.util.Objects;

/**
 * One finding about a config: where ({@code path}, e.g. {@code replicas.shared-replicas.instance.max_memory_mb}),
 * what is wrong, and how to fix it. Messages never quote values that could be secrets.
 */
public record Problem(Severity severity, String path, String message, String fix) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    public static Problem error(String path, String message, String fix) {
        return new Problem(Severity.ERROR, path, message, fix);
    }

    public static Problem warning(String path, String message, String fix) {
        return new Problem(Severity.WARNING, path, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path: message — fix}, the form the CLI prints. */
    @Override
    public String toString() {
        return path + ": " + message + " — " + fix;
    }
}
