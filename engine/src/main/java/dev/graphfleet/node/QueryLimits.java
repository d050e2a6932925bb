package dev.graphfleet.node;

import java.time.Duration;

/**
 * What one query request may ask for. The original's limits, with the row limit made honest:
 * more rows than {@code maxRows} set {@code truncated}, and the streaming form returns them all.
 *
 * @param maxQueryLength     longest Cypher text (10,000 characters; longer is a 413)
 * @param maxParameters      most parameters (50)
 * @param maxStringLength    longest string value, anywhere in a parameter (10,000 characters)
 * @param maxListItems       most items in one list (1,000)
 * @param maxMapKeys         most keys in one map (100)
 * @param maxNestingDepth    deepest nesting of lists and maps (3: a list of lists of lists)
 * @param maxAbsNumber       largest magnitude of a number (1e15)
 * @param maxRows            rows in a non-streaming answer (10,000)
 * @param streamChunkRows    rows per NDJSON chunk when streaming (1,000)
 * @param maxBodyBytes       largest request body (2 MiB; larger is a 413)
 * @param writeConflictRetry how long a write that meets another write transaction is retried on the
 *                           server before the caller gets a 409 (250 ms; zero answers 409 at once)
 * @param bodyReadTimeout    how long a client may take to send its request headers and body (10 s;
 *                           {@code node.api.body_read_timeout_s}); slower is a 408 and a closed connection
 */
public record QueryLimits(int maxQueryLength, int maxParameters, int maxStringLength, int maxListItems,
                          int maxMapKeys, int maxNestingDepth, double maxAbsNumber, int maxRows,
                          int streamChunkRows, long maxBodyBytes, Duration writeConflictRetry,
                          Duration bodyReadTimeout) {

    public static final QueryLimits DEFAULTS = new QueryLimits(10_000, 50, 10_000, 1_000, 100, 3, 1e15, 10_000,
            1_000, 2L * 1024 * 1024, Duration.ofMillis(250), Duration.ofSeconds(10));

    public QueryLimits {
        requirePositive("max_query_length", maxQueryLength);
        requirePositive("max_parameters", maxParameters);
        requirePositive("max_string_length", maxStringLength);
        requirePositive("max_list_items", maxListItems);
        requirePositive("max_map_keys", maxMapKeys);
        requirePositive("max_nesting_depth", maxNestingDepth);
        requirePositive("max_rows", maxRows);
        requirePositive("stream_chunk_rows", streamChunkRows);
        if (maxBodyBytes < maxQueryLength) {
            throw new IllegalArgumentException("max_body_bytes (" + maxBodyBytes + ") must be at least max_query_length ("
                    + maxQueryLength + ")");
        }
        if (!(maxAbsNumber > 0)) {
            throw new IllegalArgumentException("max_abs_number must be positive, got " + maxAbsNumber);
        }
        if (writeConflictRetry == null || writeConflictRetry.isNegative()) {
            throw new IllegalArgumentException("write_conflict_retry must be zero or positive");
        }
        if (bodyReadTimeout == null || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("body_read_timeout must be positive");
        }
    }

    public QueryLimits withMaxQueryLength(int length) {
        return new QueryLimits(length, maxParameters, maxStringLength, maxListItems, maxMapKeys, maxNestingDepth,
                maxAbsNumber, maxRows, streamChunkRows, Math.max(maxBodyBytes, length), writeConflictRetry,
                bodyReadTimeout);
    }

    public QueryLimits withMaxRows(int rows) {
        return new QueryLimits(maxQueryLength, maxParameters, maxStringLength, maxListItems, maxMapKeys,
                maxNestingDepth, maxAbsNumber, rows, streamChunkRows, maxBodyBytes, writeConflictRetry, bodyReadTimeout);
    }

    public QueryLimits withStreamChunkRows(int rows) {
        return new QueryLimits(maxQueryLength, maxParameters, maxStringLength, maxListItems, maxMapKeys,
                maxNestingDepth, maxAbsNumber, maxRows, rows, maxBodyBytes, writeConflictRetry, bodyReadTimeout);
    }

    public QueryLimits withMaxBodyBytes(long bytes) {
        return new QueryLimits(maxQueryLength, maxParameters, maxStringLength, maxListItems, maxMapKeys,
                maxNestingDepth, maxAbsNumber, maxRows, streamChunkRows, bytes, writeConflictRetry, bodyReadTimeout);
    }

    public QueryLimits withWriteConflictRetry(Duration retry) {
        return new QueryLimits(maxQueryLength, maxParameters, maxStringLength, maxListItems, maxMapKeys,
                maxNestingDepth, maxAbsNumber, maxRows, streamChunkRows, maxBodyBytes, retry, bodyReadTimeout);
    }

    public QueryLimits withBodyReadTimeout(Duration timeout) {
        return new QueryLimits(maxQueryLength, maxParameters, maxStringLength, maxListItems, maxMapKeys,
                maxNestingDepth, maxAbsNumber, maxRows, streamChunkRows, maxBodyBytes, writeConflictRetry, timeout);
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }
}
