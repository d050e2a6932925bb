package dev.graphfleet.node.statement;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a query over the API may do beyond reading its own database.
 *
 * @param allowCopyFrom true lets {@code COPY <table> FROM ...} through (a writer that bulk-loads
 *                      files from its own disk); {@code COPY ... TO} stays refused
 * @param allowedCalls  the {@code CALL} functions a query may use (lower case); every other
 *                      {@code CALL} is refused, and {@code CALL option = value} always is
 * @param readOnly      the node serves its databases read-only: every write, schema statement and
 *                      {@code CHECKPOINT} is refused as {@code read_only} before it reaches the engine
 */
public record StatementPolicy(boolean allowCopyFrom, Set<String> allowedCalls, boolean readOnly) {

    /**
     * The engine's built-in functions that only describe the database a connection is on, each run
     * by a test on the real engine. Left out on purpose: {@code show_attached_databases} (names
     * other databases), {@code current_setting} (shows the node's paths) and
     * {@code show_functions} (reported in issue 13 to abort the engine, SIGABRT in its binder; not
     * reproduced here, kept off as a precaution: it describes the engine, not the database) and
     * {@code show_macros} (no such function in Kùzu 0.11).
     */
    public static final Set<String> DEFAULT_CALLS = Set.of("table_info", "show_tables", "show_connection",
            "db_version", "show_warnings", "clear_warnings", "show_indexes", "show_sequences",
            "show_projected_graphs", "storage_info", "bm_info");

    public static final StatementPolicy DEFAULTS = new StatementPolicy(false, DEFAULT_CALLS, false);

    public StatementPolicy {
        TreeSet<String> lower = new TreeSet<>();
        for (String call : allowedCalls == null ? DEFAULT_CALLS : allowedCalls) {
            lower.add(call.toLowerCase(Locale.ROOT));
        }
        allowedCalls = Set.copyOf(lower);
    }

    public StatementPolicy withAllowCopyFrom(boolean allow) {
        return new StatementPolicy(allow, allowedCalls, readOnly);
    }

    public StatementPolicy withReadOnly(boolean only) {
        return new StatementPolicy(allowCopyFrom, allowedCalls, only);
    }
}
