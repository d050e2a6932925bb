package dev.graphfleet.node;

import java.time.Duration;

/**
 * An answer other than success, as the API sends it: HTTP status, a stable error code, a detail a
 * person can act on, and for retryable refusals the {@code Retry-After} to send.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final Duration retryAfter;

    public ApiException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    public ApiException(int status, String error, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    /** The Retry-After to send, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", detail);
    }
}
