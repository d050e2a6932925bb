package dev.graphfleet.cli;

/** Bad input from the user: exit code 2 and a message that names the field and the fix. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
