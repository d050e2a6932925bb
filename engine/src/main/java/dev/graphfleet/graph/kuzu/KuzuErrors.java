package dev.graphfleet.graph.kuzu;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphException.Kind;

/** Classifies the engine's error texts; Kùzu reports everything as a message string. */
final class KuzuErrors {

    private KuzuErrors() {
    }

    /** The engine's words when a database outgrows the address space reserved for it (its max DB size). */
    static final String DATABASE_FULL = "No more frame groups can be added to the allocator";

    static GraphException classify(String message, Throwable cause) {
        String text = message == null ? "engine error" : message.strip();
        if (text.contains(DATABASE_FULL)) {
            text = "the database reached its maximum size (tier max_db_size_mb, the address space reserved for one "
                    + "database); raise max_db_size_mb and restart the node. Engine: " + text;
        }
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
