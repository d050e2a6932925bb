package dev.graphfleet.graph.kuzu;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphException.Kind;

/** Classifies the engine's error texts; Kùzu reports everything as a message string. */
final class KuzuErrors {

    private KuzuErrors() {
    }

    static GraphException classify(String message, Throwable cause) {
        String text = message == null ? "engine error" : message.strip();
        return new GraphException(kindOf(text), text, cause);
    }

    static Kind kindOf(String text) {
        if (text.contains("Parser exception")) {
            return Kind.SYNTAX;
        }
        if (text.contains("Binder exception") || text.contains("Catalog exception")) {
            return Kind.BINDING;
        }
        if (text.contains("read-only database") || text.contains("read only mode")) {
            return Kind.READ_ONLY;
        }
        if (text.startsWith("Interrupted") || text.contains("Interrupted.")) {
            return Kind.INTERRUPTED;
        }
        if (text.contains("Only one write transaction at a time")) {
            return Kind.WRITE_CONFLICT;
        }
        if (text.contains("duplicated primary key") || text.contains("constraint")) {
            return Kind.CONSTRAINT;
        }
        if (text.contains("is closed") || text.contains("destroyed")) {
            return Kind.CLOSED;
        }
        return Kind.ENGINE;
    }
}
