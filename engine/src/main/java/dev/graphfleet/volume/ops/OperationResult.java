package dev.graphfleet.volume.ops;

import java.util.List;
import java.util.Objects;

/**
 * What an operator action did.
 *
 * @param status  how it ended
 * @param message one line for a person
 * @param lines   details (one per volume for fix-stuck); may be empty
 */
public record OperationResult(Status status, String message, List<String> lines) {

    /** How an action ended; each maps to an HTTP-like code for the Lambda's reply. */
    public enum Status {
        DONE(200), NOTHING_TO_DO(200), REFUSED(400), NOT_FOUND(404), FAILED(500);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public OperationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        lines = List.copyOf(lines);
    }

    static OperationResult of(Status status, String message) {
        return new OperationResult(status, message, List.of());
    }

    public boolean ok() {
        return status.code() < 400;
    }
}
