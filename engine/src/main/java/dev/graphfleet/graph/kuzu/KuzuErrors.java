package dev.graphfleet.graph.kuzu;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphException.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies the engine's error texts; Kùzu reports everything as a message string. */
final class KuzuErrors {

    /** What the engine says when a parameter is given that the prepared query does not use. */
    private static final Pattern UNUSED_PARAMETER = Pattern.compile("Parameter (.{1,200}) not found\\.?", Pattern.DOTALL);
    /** A failed write to a file: on a read-only database, a write the engine did not refuse by name (CHECKPOINT). */
    private static final Pattern WRITE_FAILURE = Pattern.compile("(?i)cannot write|read-only file system");

    private KuzuErrors() {
    }

    /** The engine's words when a database outgrows the address space reserved for it (its max DB size). */
    static final String DATABASE_FULL = "No more frame groups can be added to the allocator";

    static GraphException classify(String message, Throwable cause) {
        String text = message == null ? "engine error" : message.strip();
        Matcher unused = UNUSED_PARAMETER.matcher(text);
        if (unused.matches()) {
            String name = unused.group(1);
            return new GraphException(Kind.PARAMETER, "parameter '" + name + "' is not used by the query: remove it "
                    + "from parameters, or refer to it as $" + name + " in the query", cause);
        }
        if (text.contains(DATABASE_FULL)) {
            text = "the database reached its maximum size (tier max_db_size_mb, the address space reserved for one "
                    + "database); raise max_db_size_mb and restart the node. Engine: " + text;
        }
        return new GraphException(kindOf(text), text, cause);
    }

    /**
     * On a read-only database, a failure to write is a refused write (fail closed: the engine refuses
     * most writes by name, but CHECKPOINT reaches the file and fails with an I/O error naming it).
     */
    static GraphException onReadOnlyDatabase(GraphException e) {
        if (e.kind() == Kind.ENGINE && WRITE_FAILURE.matcher(e.getMessage()).find()) {
            return new GraphException(Kind.READ_ONLY, "the database is open read-only and the statement needs to "
                    + "write to it", e);
        }
        return e;
    }

    static Kind kindOf(String text) {
        if (UNUSED_PARAMETER.matcher(text).matches()) {
            return Kind.PARAMETER;
        }
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
