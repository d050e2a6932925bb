package dev.graphfleet.repo;

import java.io.IOException;

/**
 * A store, manifest or fetch failure with a message that names the repository, the object and the
 * fix. {@link #reason()} lets callers (the attach state machine, the CLI) decide without parsing
 * text; only {@link Reason#TRANSIENT} failures are worth retrying.
 */
public final class RepositoryException extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The repository, version or object does not exist in the store. */
        NOT_FOUND,
        /** A manifest is malformed or does not match where it was found. */
        INVALID_MANIFEST,
        /** The downloaded bytes do not have the manifest's size or sha256. */
        CHECKSUM_MISMATCH,
        /** Not enough free disk space, or the cache budget cannot hold the version. */
        NO_SPACE,
        /** The store refused the request (credentials, permissions, missing bucket). */
        ACCESS,
        /** A network error or a 5xx answer: retrying may succeed. */
        TRANSIENT,
        /** Anything else that a retry will not fix (bad input file, busy lock, ...). */
        FAILED
    }

    private final Reason reason;

    public RepositoryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RepositoryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason == Reason.TRANSIENT;
    }
}
