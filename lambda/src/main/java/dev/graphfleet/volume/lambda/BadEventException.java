package dev.graphfleet.volume.lambda;

/** An event the handler cannot act on; {@link #field()} names the part of the event that is wrong. */
public final class BadEventException extends Exception {

    private final String field;

    public BadEventException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
