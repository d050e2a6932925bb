package dev.graphfleet.volume.registry;

/** The volume registry could not be read or written (the message says which table and why). */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
