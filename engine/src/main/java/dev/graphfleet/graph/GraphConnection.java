package dev.graphfleet.graph;

import java.util.Map;

/**
 * One engine session. Not thread-safe by contract: the pool lends it to one caller at a time.
 * Failures are {@link GraphException}s, classified so callers can answer 400, 403 or 408.
 */
public interface GraphConnection extends AutoCloseable {

    GraphResult query(String cypher);

    /** A prepared query with named parameters ({@code $name}); values are plain Java objects. */
    GraphResult query(String cypher, Map<String, ?> parameters);

    /** Cancels the running query from another thread; it fails with {@link GraphException.Kind#INTERRUPTED}. */
    void interrupt();

    @Override
    void close();
}
